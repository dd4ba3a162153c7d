/**
 * Totara's budget says nothing in headers: the gauge drains by each query's estimated complexity,
 * over the budget's window, and the advice after a 429 follows that window. Through Lantern's real
 * send path against the sandbox with a 20-point, 30-second client budget.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createServices } from '../../electron/services/create-services';
import type { CallOutput } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { estimateCost } from '../../shared/graphql/estimate';
import { startSandbox, type RunningSandbox } from '../index';

const QUERY = 'query status { totara_webapi_status { status timestamp } }';
let sandbox: RunningSandbox;
const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-budget-')),
  emit: () => undefined,
});
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientRateLimit: 20, rateWindowMs: 30_000 });
  services.auth.credentials.put({
    id: 'totara',
    kind: 'oauth2',
    label: 'Sandbox Totara client',
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: sandbox.credentials.totara.clientSecret,
    clientAuth: 'body',
  });
});
afterAll(async () => {
  await services.close();
  await sandbox.close();
});

async function send(
  id: string,
  {
    query = QUERY,
    variables = '{}',
    credentialId = 'totara',
    environmentId = undefined as string | undefined,
    url = sandbox.endpoints.totaraGraphql,
  } = {},
): Promise<CallOutput<'send'>> {
  const result = await dispatch(services.handlers, 'send', {
    requestId: id,
    draft: {
      method: 'POST',
      url,
      headers: [],
      body: { mode: 'graphql', query, variables, persisted: false },
      auth: { type: 'oauth2', credentialId },
    },
    ...(environmentId ? { environmentId } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CallOutput<'send'>;
}

describe('the Totara budget gauge', () => {
  it('drains by the estimated cost of each query and the 429 advice follows the budget’s window', async () => {
    const host = new URL(sandbox.endpoints.totaraGraphql).host;
    const budget = await dispatch(services.handlers, 'setRateLimitBudget', {
      host,
      credentialId: 'totara',
      limit: 20,
      windowSeconds: 30,
    });
    expect(budget.ok).toBe(true);
    const estimate = estimateCost(QUERY);
    if ('problem' in estimate) throw new Error(estimate.problem);
    const first = await send('b1');
    expect(first.response.status).toBe(200);
    expect(first.rateLimit?.budgetUse).toMatchObject({
      spent: estimate.complexity,
      limit: 20,
      windowSeconds: 30,
    });
    const second = await send('b2');
    expect(second.rateLimit?.budgetUse?.spent).toBe(2 * estimate.complexity);
    expect(second.rateLimit?.history.at(-1)).toMatchObject({
      estimated: true,
      remaining: 20 - 2 * estimate.complexity,
    });
    // Sent until the sandbox's own count refuses one: then the advice names the 30-second window.
    let refused: CallOutput<'send'> | undefined;
    for (let i = 0; i < 6 && !refused; i += 1) {
      const answer = await send(`b3-${i}`);
      if (answer.response.status === 429) refused = answer;
    }
    expect(refused?.findings?.find((f) => f.id === 'totara.rate-limit.budget')?.fix).toMatch(
      /Wait about 30 seconds \(the budget's window\)/,
    );
  });

  it('estimates the cost from the query as sent, with its {{variables}} filled in', async () => {
    // A sandbox of its own, with Totara's default budget: the first test spent this one's.
    const roomy = await startSandbox({ port: 0 });
    onTestFinished(() => roomy.close());
    services.auth.credentials.put({
      id: 'totara-paged',
      kind: 'oauth2',
      label: 'Sandbox Totara client (paged)',
      tokenUrl: roomy.endpoints.totaraToken,
      clientId: roomy.credentials.totara.clientId,
      clientSecret: roomy.credentials.totara.clientSecret,
      clientAuth: 'body',
    });
    const host = new URL(roomy.endpoints.totaraGraphql).host;
    await dispatch(services.handlers, 'setRateLimitBudget', {
      host,
      credentialId: 'totara-paged',
      limit: 250_000,
      windowSeconds: 60,
    });
    const saved = await dispatch(services.handlers, 'saveEnvironment', {
      name: 'Paged',
      variables: [{ name: 'page_size', value: '40', secret: false }],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const query =
      'query users($n: param_integer) { core_user_users(query: { pagination: { limit: $n } }) { items { id username } } }';
    const variables = '{"n": {{page_size}}}';
    const answer = await send('paged', {
      query,
      variables,
      credentialId: 'totara-paged',
      environmentId: (saved.value as CallOutput<'saveEnvironment'>).id,
      url: roomy.endpoints.totaraGraphql,
    });
    expect(answer.response.status).toBe(200);
    const sized = estimateCost(query, { variables: { n: 40 } });
    const unsized = estimateCost(query, { variables: {} });
    if ('problem' in sized || 'problem' in unsized) throw new Error('no estimate');
    expect(sized.complexity).not.toBe(unsized.complexity);
    expect(answer.rateLimit?.budgetUse?.spent).toBe(sized.complexity);
  });
});
