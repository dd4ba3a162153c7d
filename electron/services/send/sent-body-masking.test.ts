/**
 * The Timeline's "request as sent" shows the body and every redirect hop's headers: a secret in
 * them is masked like everywhere else. Through Lantern's real services against a local server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { maskSecret } from '../../../shared/model/auth';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';
import { createServices } from '../create-services';

const API_KEY = 'key-7c1f9a2b44d0e';
const SESSION = 'Sess10nValue77aa';

let server: RunningServer;
let dataDir: string;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  server = await startHttpServer((request, response) => {
    if (request.url === '/login') {
      response.writeHead(302, { location: '/done', 'set-cookie': `sid=${SESSION}; Path=/; HttpOnly` });
      response.end();
    } else response.end('{"ok":true}');
  });
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-sent-body-'));
  services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
});
afterAll(async () => {
  await services.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the request as sent, masked', () => {
  it('shows the body with a secret variable masked, and a redirect hop’s session cookie masked', async () => {
    const environment = await call<{ id: string }>('saveEnvironment', {
      name: 'Secrets',
      variables: [{ name: 'apiKey', value: API_KEY, secret: true }],
    });
    const exchange = await call<CallOutput<'send'>>('send', {
      requestId: 'masked-body',
      environmentId: environment.id,
      draft: {
        method: 'POST',
        url: `${server.url}/login`,
        headers: [],
        body: { mode: 'json', text: '{"user":"ada","key":"{{apiKey}}"}' },
        auth: { type: 'none' },
      },
    });
    expect(exchange.request.body?.text).toBe(`{"user":"ada","key":"${maskSecret(API_KEY)}"}`);
    const hop = exchange.redirects?.[0]?.headers?.find(([name]) => name === 'set-cookie')?.[1] ?? '';
    expect(hop).toContain('sid=');
    expect(hop).not.toContain(SESSION);
    expect(JSON.stringify(exchange)).not.toContain(API_KEY);
    expect(JSON.stringify(exchange)).not.toContain(SESSION);
  });

  it('masks a secret a form body carries percent-encoded', async () => {
    const secret = "aB3+/x= it's(1)~Qz";
    const environment = await call<{ id: string }>('saveEnvironment', {
      name: 'Form secrets',
      variables: [{ name: 'clientSecret', value: secret, secret: true }],
    });
    const exchange = await call<CallOutput<'send'>>('send', {
      requestId: 'masked-form',
      environmentId: environment.id,
      draft: {
        method: 'POST',
        url: `${server.url}/token`,
        headers: [],
        body: {
          mode: 'form-urlencoded',
          fields: [{ name: 'client_secret', value: '{{clientSecret}}', enabled: true }],
        },
        auth: { type: 'none' },
      },
    });
    expect(exchange.request.body?.text).toBe(`client_secret=${maskSecret(secret)}`);
    expect(JSON.stringify(exchange)).not.toContain(new URLSearchParams([['', secret]]).toString().slice(1));
  });
});
