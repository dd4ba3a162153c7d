import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/index';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { createServices } from '../create-services';

// The real sandbox over real HTTP, through the same handlers the renderer calls.
const services = createServices({
  mode: 'browser',
  version: 'test',
  dataDir: mkdtempSync(path.join(tmpdir(), 'lantern-data-')),
  emit: () => undefined,
});
let sample: CallOutput<'startSandbox'>;
let own: RunningSandbox;

beforeAll(async () => {
  const started = await dispatch(services.handlers, 'startSandbox', {});
  if (!started.ok) throw new Error(started.error.message);
  sample = started.value as CallOutput<'startSandbox'>;
  own = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await services.close();
  await own.close();
});

let n = 0;
async function sendSample(id: string) {
  const request = sample.requests.find((r) => r.id === id);
  if (!request) throw new Error(`no sample ${id}`);
  const result = await dispatch(services.handlers, 'send', {
    requestId: `s${n++}`,
    draft: request.draft,
    environmentId: sample.environment.id,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CallOutput<'send'>;
}

describe('sample workspace against the sandbox', () => {
  it('offers the four sample requests in an environment that points at the sandbox', () => {
    expect(sample.requests.map((r) => r.id)).toEqual([
      'totara-status',
      'totara-users',
      'ajax-status',
      'ihasco-users',
    ]);
    expect(sample.environment.variables).toEqual([
      { name: 'base', value: sample.baseUrl.replace(/\/$/, ''), secret: false },
    ]);
    expect(sample.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/?$/);
  });

  it('runs the Totara status query through a client-credentials token', async () => {
    const exchange = await sendSample('totara-status');
    expect(exchange.response.status).toBe(200);
    expect(JSON.parse(exchange.response.body.text).data.totara_webapi_status.status).toBe('ok');
    expect(exchange.auth?.steps[0]).toMatch(
      /^Got a new token from http:\/\/127\.0\.0\.1:\d+\/totara\/oauth2\/token\.php/,
    );
    const again = await sendSample('totara-status');
    expect(again.auth?.steps[0]).toMatch(/^Used a cached token/);
  });

  it('lists users, logs in for the AJAX API, and sends the iHASCO bearer token', async () => {
    const users = JSON.parse((await sendSample('totara-users')).response.body.text);
    expect(users.data.core_user_users.items).toHaveLength(5);
    const ajax = await sendSample('ajax-status');
    expect(JSON.parse(ajax.response.body.text)).toMatchObject({
      data: { totara_webapi_status: { status: 'ok' } },
    });
    expect(ajax.auth?.steps[0]).toMatch(/^Logged in to .*\/login\/index\.php as learner/);
    const ihasco = await sendSample('ihasco-users');
    expect(ihasco.response.status).toBe(200);
    expect(ihasco.response.headers.map(([n]) => n)).toContain('x-ratelimit-remaining');
  });

  it('never returns a secret to the renderer: tokens, client secret, cookies and sesskey are masked', async () => {
    const exchanges = [
      await sendSample('totara-status'),
      await sendSample('ajax-status'),
      await sendSample('ihasco-users'),
    ];
    const text = JSON.stringify(exchanges);
    for (const secret of [
      own.credentials.totara.clientSecret,
      own.credentials.ihasco.token,
      own.credentials.ajax.password,
    ]) {
      expect(text).not.toContain(secret);
    }
    const authorization = exchanges[0]?.request.headers.find(([n]) => n === 'Authorization')?.[1];
    expect(authorization).toMatch(/^Bearer ••••.{4}$/);
    const sesskey = exchanges[1]?.request.headers.find(([n]) => n === 'X-Totara-Sesskey')?.[1];
    expect(sesskey).toMatch(/^••••/);
    expect(JSON.stringify(await dispatch(services.handlers, 'listCredentials', {}))).not.toContain(
      own.credentials.totara.clientSecret,
    );
  });

  it('re-grants once when the server has expired a token Lantern believed valid', async () => {
    services.auth.credentials.put({
      id: 'own-client',
      kind: 'oauth2',
      label: 'Own sandbox client',
      tokenUrl: own.endpoints.totaraToken,
      clientId: own.credentials.totara.clientId,
      clientSecret: own.credentials.totara.clientSecret,
      clientAuth: 'body',
    });
    const draft = {
      method: 'POST',
      url: own.endpoints.totaraGraphql,
      headers: [],
      body: { mode: 'json' as const, text: '{"query":"query { totara_webapi_status { status } }"}' },
      auth: { type: 'oauth2' as const, credentialId: 'own-client' },
    };
    const first = await dispatch(services.handlers, 'send', { requestId: 'g1', draft });
    expect(first.ok).toBe(true);
    expect(own.expireTokens()).toBeGreaterThan(0);
    const second = await dispatch(services.handlers, 'send', { requestId: 'g2', draft });
    if (!second.ok) throw new Error(second.error.message);
    const exchange = second.value as CallOutput<'send'>;
    expect(JSON.parse(exchange.response.body.text).data.totara_webapi_status.status).toBe('ok');
    expect(exchange.auth?.steps).toEqual([
      expect.stringMatching(/^Used a cached token/),
      expect.stringMatching(/^Got a new token/),
      expect.stringMatching(/^Retried once with a fresh credential/),
    ]);
  });

  it('blocks a send with an undefined variable, in plain words', async () => {
    const result = await dispatch(services.handlers, 'send', {
      requestId: 'u1',
      draft: { method: 'GET', url: '{{nowhere}}/x', headers: [], body: { mode: 'none' } },
      environmentId: sample.environment.id,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'template.unresolved', message: expect.stringContaining('{{nowhere}}') },
    });
  });
});
