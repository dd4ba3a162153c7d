/**
 * Every API-BEHAVIOUR §6 scenario that is a server behaviour, reproduced against the sandbox with
 * its fault switched on, sent through Lantern's real engine and diagnosed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_FINDING_IDS } from '../../shared/diagnose';
import { cases } from './diagnose-cases';
import {
  CAUSES,
  diagnosed,
  draft,
  graphql,
  runCase,
  send,
  sites,
  startSites,
  STATUS,
  stopSites,
} from './diagnose-harness';

beforeAll(startSites);
afterAll(stopSites);
beforeEach(() => sites.sandbox.reset());

describe('API-BEHAVIOUR §6 scenarios against the sandbox, through the real send path', () => {
  it.each(cases.map((c) => [`${c.scenario || 'net'}: ${c.name}`, c] as const))(
    '%s',
    async (_name, testCase) => {
      const { findings } = await runCase(testCase);
      const ids = findings.map((f) => f.id);
      const finding = findings.find((f) => f.id === testCase.expected);
      expect(finding, `expected ${testCase.expected}, got ${ids.join(', ') || 'nothing'}`).toBeDefined();
      expect(finding?.severity).toBe(testCase.severity ?? 'error');
      const allowed = new Set([testCase.expected, ...(testCase.alsoAllowed ?? [])]);
      expect(ids.filter((id) => CAUSES.includes(id) && !allowed.has(id))).toEqual([]);
      expect(ids.filter((id) => !ALL_FINDING_IDS.includes(id))).toEqual([]);
      if (finding) testCase.check?.(finding);
    },
  );

  it('says nothing is wrong when Lantern recovered from an expired token by itself', async () => {
    await send(graphql(STATUS));
    sites.sandbox.expireTokens();
    const request = graphql(STATUS);
    const outcome = await send(request);
    expect(outcome.exchange?.auth?.steps.join(' ')).toMatch(/Retried once with a fresh credential/);
    expect(diagnosed(request, outcome).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('finds nothing wrong in the working sample requests', async () => {
    for (const request of [
      graphql(STATUS),
      draft(`${sites.sandbox.endpoints.ihasco}/users`, {
        method: 'GET',
        auth: { type: 'bearer', credentialId: 'ihasco' },
        headers: [],
      }),
    ]) {
      expect(diagnosed(request, await send(request))).toEqual([]);
    }
  });
});
