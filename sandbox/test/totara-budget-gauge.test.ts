/**
 * Totara's budget says nothing in headers: the gauge drains by each query's estimated complexity,
 * over the budget's window, and the advice after a 429 follows that window. Through Lantern's real
 * send path against the sandbox with a 20-point, 30-second client budget.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function send(id: string): Promise<CallOutput<'send'>> {
  const result = await dispatch(services.handlers, 'send', {
    requestId: id,
    draft: {
      method: 'POST',
      url: sandbox.endpoints.totaraGraphql,
      headers: [],
      body: { mode: 'graphql', query: QUERY, variables: '{}', persisted: false },
      auth: { type: 'oauth2', credentialId: 'totara' },
    },
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
});
