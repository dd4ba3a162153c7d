/**
 * Every API-BEHAVIOUR §6 scenario that is a server behaviour, reproduced against the sandbox with
 * its fault switched on, sent through Lantern's real engine and diagnosed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_FINDING_IDS } from '../../shared/diagnose';
import { contradictions } from '../../shared/diagnose/evidence-check';
import { cases } from './diagnose-cases';
import {
  CAUSES,
  diagnosed,
  draft,
  graphql,
  runCase,
  send,
  services,
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
      const { request, outcome, findings } = await runCase(testCase);
      const ids = findings.map((f) => f.id);
      const finding = findings.find((f) => f.id === testCase.expected);
      expect(finding, `expected ${testCase.expected}, got ${ids.join(', ') || 'nothing'}`).toBeDefined();
      expect(finding?.severity).toBe(testCase.severity ?? 'error');
      const allowed = new Set([testCase.expected, ...(testCase.alsoAllowed ?? [])]);
      expect(ids.filter((id) => CAUSES.includes(id) && !allowed.has(id))).toEqual([]);
      expect(ids.filter((id) => !ALL_FINDING_IDS.includes(id))).toEqual([]);
      if (finding) testCase.check?.(finding);
      // No warning or error contradicts what it quotes: here, and as the main side attached them.
      const input = { draft: request, ...outcome, nowMs: Date.now() };
      for (const list of [findings, outcome.exchange?.findings ?? []])
        expect(list.flatMap((f) => contradictions(f, input))).toEqual([]);
    },
  );

  it('says nothing is wrong when Lantern recovered from an expired token by itself', async () => {
    await send(graphql(STATUS));
    sites.sandbox.expireTokens();
    const request = graphql(STATUS);
    const outcome = await send(request);
    expect(outcome.exchange?.auth?.steps.join(' ')).toMatch(/Retried once with a fresh credential/);
    const findings = diagnosed(request, outcome);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // …but says what happened: the token was refused, a new one fetched, and that is normal.
    const renewed = findings.find((f) => f.id === 'auth.token-renewed');
    expect(renewed?.title).toBe(
      'The server refused the cached token: Lantern fetched a new one and sent again',
    );
    expect(renewed?.explanation).toMatch(
      /first answer \(HTTP 200\) refused the token Lantern held for Sandbox Totara client/,
    );
    expect(renewed?.explanation).toMatch(/no refresh token/);
  });

  it('says so when Lantern renewed a token that had expired in its cache', async () => {
    // Lantern renews a token 10 s before its expiry: a 5 s token is renewed at every send.
    sites.sandbox.configure({ tokenExpirySeconds: 5 });
    await send(graphql(STATUS));
    const request = graphql(STATUS);
    const outcome = await send(request);
    expect(outcome.exchange?.response.status).toBe(200);
    const renewed = outcome.exchange?.findings?.find((f) => f.id === 'auth.token-renewed');
    expect(renewed?.severity).toBe('info');
    expect(renewed?.title).toBe('The cached token was about to expire: Lantern fetched a new one');
    expect(renewed?.explanation).toMatch(/client-credentials grant: it issues no refresh token/);
    // The first grant of a credential is no renewal.
    sites.sandbox.reset();
    for (const token of [...services.auth.tokens.list()]) services.auth.tokens.forget(token.id);
    const first = await send(graphql(STATUS));
    expect(first.exchange?.findings?.map((f) => f.id)).toEqual([]);
  });

  it('finds nothing wrong in the working sample requests', async () => {
    // The sandbox was reset: tokens Lantern cached from earlier cases are gone there, and their
    // renewal would rightly be reported. Start as a fresh Lantern does.
    for (const token of [...services.auth.tokens.list()]) services.auth.tokens.forget(token.id);
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
