/**
 * Every API-BEHAVIOUR §6 scenario that is a server behaviour, reproduced against the sandbox with
 * its fault switched on, sent through Lantern's real engine and diagnosed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_FINDING_IDS } from '../../shared/diagnose';
import { startSandbox } from '../index';
import { cases } from './diagnose-cases';
import {
  CAUSES,
  diagnosed,
  draft,
  graphql,
  send,
  services,
  sites,
  STATUS,
  type Outcome,
} from './diagnose-harness';

beforeAll(async () => {
  [sites.sandbox, sites.otherSite] = await Promise.all([
    startSandbox({ port: 0 }),
    startSandbox({ port: 0 }),
  ]);
  const totara = {
    kind: 'oauth2' as const,
    tokenUrl: sites.sandbox.endpoints.totaraToken,
    clientId: sites.sandbox.credentials.totara.clientId,
    clientSecret: sites.sandbox.credentials.totara.clientSecret,
    clientAuth: 'body' as const,
  };
  services.auth.credentials.put({ id: 'totara', label: 'Sandbox Totara client', ...totara });
  services.auth.credentials.put({
    id: 'totara-wrong-secret',
    label: 'Mistyped secret',
    ...totara,
    clientSecret: 'sites.sandbox-secret-typo',
  });
  services.auth.credentials.put({
    id: 'totara-other-site',
    label: 'Other site client',
    ...totara,
    tokenUrl: sites.otherSite.endpoints.totaraToken,
  });
  services.auth.credentials.put({
    id: 'ihasco',
    kind: 'bearer',
    label: 'iHASCO token',
    token: sites.sandbox.credentials.ihasco.token,
  });
  services.auth.credentials.put({
    id: 'ihasco-wrong',
    kind: 'bearer',
    label: 'Mistyped iHASCO token',
    token: 'ihasco_sandbox_7d41b2c9e0f3a6',
  });
});
afterAll(async () => {
  await services.close();
  await Promise.all([sites.sandbox.close(), sites.otherSite.close()]);
});
beforeEach(() => sites.sandbox.reset());

describe('API-BEHAVIOUR §6 scenarios against the sandbox, through the real send path', () => {
  it.each(cases.map((c) => [`${c.scenario || 'net'}: ${c.name}`, c] as const))(
    '%s',
    async (_name, testCase) => {
      if (testCase.config) sites.sandbox.configure(testCase.config);
      await testCase.before?.();
      const request = await testCase.request();
      let outcome: Outcome = {};
      for (let i = 0; i < (testCase.times ?? 1); i++) outcome = await send(request);
      const findings = diagnosed(request, outcome);
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
