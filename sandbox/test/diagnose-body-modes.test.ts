/**
 * Every API-BEHAVIOUR §6 scenario whose request is a GraphQL query (or a persisted operation),
 * sent twice through Lantern's real engine: once as a JSON body, once in Lantern's GraphQL body
 * mode. The diagnosis must not depend on the body mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/diagnose';
import { contradictions } from '../../shared/diagnose/evidence-check';
import { inGraphqlBodyMode } from '../../shared/diagnose/test-support';
import { dispatch } from '../../shared/dispatch';
import { cases } from './diagnose-cases';
import { draft, none, runCase, send, services, sites, startSites, stopSites } from './diagnose-harness';

beforeAll(startSites);
afterAll(stopSites);

// Explanations, and titles, may name a token's expiry, which differs between two sends.
const summary = (findings: Finding[] | undefined) =>
  (findings ?? []).map(({ id, severity, title }) => ({
    id,
    severity,
    title: title.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>'),
  }));

/** The cases whose request carries no GraphQL operation: token calls, a body that is not JSON, REST. */
const WITHOUT_QUERY = new Set([
  'disabled client, token requested by hand',
  'token request with a JSON body',
  'a body that is not JSON',
  'GET instead of POST',
  'REST with a wrong token',
  'REST rate limit with retry-after',
  'REST validation errors per field',
]);
const ranTwice = new Set<string>();

describe('the §6 scenarios in both body modes give the same findings', () => {
  it.each(cases.map((c) => [`${c.scenario || 'net'}: ${c.name}`, c] as const))(
    '%s',
    async (_name, testCase) => {
      const asJson = await runCase(testCase);
      const asGraphql = inGraphqlBodyMode(asJson.request);
      // Not a GraphQL request (a token call, REST, a body that is not JSON): one mode only.
      if (!asGraphql) return;
      ranTwice.add(testCase.name);
      const again = await runCase(testCase, (request) => inGraphqlBodyMode(request) ?? request);
      expect(again.request.body.mode).toBe('graphql');
      expect(asJson.findings.map((f) => f.id)).toContain(testCase.expected);
      expect(summary(again.findings)).toEqual(summary(asJson.findings));
      // The main side's own findings, attached to the exchange on every send, agree too.
      expect(summary(again.outcome.exchange?.findings)).toEqual(summary(asJson.outcome.exchange?.findings));
      // What the GraphQL-mode findings quote is what that exchange holds.
      const input = { draft: again.request, ...again.outcome, nowMs: Date.now() };
      expect(again.findings.flatMap((f) => contradictions(f, input))).toEqual([]);
    },
  );

  it('ran both modes for every scenario that sends a query', () => {
    const expected = cases.filter((c) => !WITHOUT_QUERY.has(c.name)).map((c) => c.name);
    expect([...ranTwice].sort()).toEqual(expected.sort());
  });
});

describe('a persisted operation (GraphQL body mode, persisted)', () => {
  const persisted = () =>
    draft(sites.sandbox.endpoints.ajaxGraphql, {
      auth: none,
      headers: [],
      body: {
        mode: 'graphql',
        query: '',
        // `page` is no variable of the stored operation: the server ignores it.
        variables: '{"lang": "en", "ids": ["edit,core"], "page": 2}',
        operationName: 'core_lang_strings_nosession',
        persisted: true,
      },
    });
  const ids = (findings: Finding[] | undefined) => (findings ?? []).map((f) => f.id);

  it('is diagnosed against its query only once Lantern has fetched the registry that holds it', async () => {
    sites.sandbox.reset();
    const unknown = await send(persisted());
    expect(unknown.exchange?.response.status).toBe(200);
    // The query text is on the server: Lantern cannot see which variables it declares.
    expect(ids(unknown.exchange?.findings)).toEqual([]);

    const fetched = await dispatch(services.handlers, 'fetchOperationRegistry', {
      endpoint: { url: sites.sandbox.endpoints.operations },
    });
    expect(fetched.ok).toBe(true);
    const known = await send(persisted());
    const unused = known.exchange?.findings?.find((f) => f.id === 'graphql.variables.unused');
    expect(unused?.title).toBe('Variables sent but not used: page');
  });
});
