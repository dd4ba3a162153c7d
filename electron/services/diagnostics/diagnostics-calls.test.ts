/**
 * The troubleshooting calls through Lantern's real services (createServices + dispatch) against a
 * local server: findings and rate-limit state travel with the exchange, and the support bundle
 * carries no secret the main side knows.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/dispatch';
import type { RateLimitView } from '../../../shared/model/findings';
import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { createServices } from '../create-services';
import { startHttpServer, type RunningServer } from '../../../test-support/servers';

const TOKEN = 'CANARY-bearer-token-0123456789';
const ENV_SECRET = 'CANARY-env-secret-abcdef';
const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-diagnostics-'));
const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
let server: RunningServer;
let hits = 0;
let credentialId = '';
let environmentId = '';

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    hits += 1;
    const limited = req.url?.startsWith('/limited') && hits > 1;
    res.writeHead(limited ? 429 : 200, {
      'content-type': 'application/json',
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': limited ? '0' : '1',
      ...(limited ? { 'retry-after': '3' } : {}),
    });
    // Echoes the request, secrets included, as debugging servers do.
    res.end(
      JSON.stringify({ message: limited ? 'Too Many Attempts.' : 'ok', headers: req.headers, url: req.url }),
    );
  });
  credentialId = (
    await call<{ id: string }>('saveCredential', {
      kind: 'bearer',
      label: 'Canary',
      fields: {},
      secret: TOKEN,
    })
  ).id;
  environmentId = (
    await call<{ id: string }>('saveEnvironment', {
      name: 'Canary env',
      variables: [{ name: 'apiKey', value: ENV_SECRET, secret: true }],
    })
  ).id;
});
afterAll(async () => {
  await server.close();
  await services.close();
});

const draft = (pathname: string): RequestDraft => ({
  method: 'GET',
  url: `${server.url}${pathname}?api_key={{apiKey}}`,
  headers: [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }],
  body: { mode: 'none' },
  auth: { type: 'bearer', credentialId },
});

const send = (pathname: string, id: string) =>
  call<Exchange>('send', { requestId: id, draft: draft(pathname), environmentId });

describe('troubleshooting through the real services', () => {
  let limited: Exchange;
  it('attaches rate-limit state and findings to the exchange', async () => {
    const first = await send('/limited', 'd1');
    expect(first.rateLimit).toMatchObject({ host: new URL(server.url).host, credentialId, count429: 0 });
    expect(first.rateLimit?.state.policies[0]).toMatchObject({ limit: 2, remaining: 1 });
    limited = await send('/limited', 'd2');
    expect(limited.response.status).toBe(429);
    expect(limited.rateLimit?.count429).toBe(1);
    expect(limited.rateLimit?.history.map((s) => s.remaining)).toEqual([1, 0]);
    expect(limited.rateLimit?.state.retryAfterMs).toBe(3000);
    expect(limited.findings?.map((f) => f.id)).toContain('rest.rate-limit');
    expect(JSON.stringify(limited.findings)).not.toContain(TOKEN);
  });

  it('rateLimitState returns the tracked history, filtered by credential', async () => {
    const views = await call<RateLimitView[]>('rateLimitState', { credentialId });
    expect(views).toHaveLength(1);
    expect(views[0]?.history).toHaveLength(2);
    expect(await call<RateLimitView[]>('rateLimitState', { credentialId: 'nobody' })).toEqual([]);
  });

  it('setRateLimitBudget keeps a budget for a host without headers', async () => {
    const view = await call<RateLimitView>('setRateLimitBudget', { host: 'lms.example.com', limit: 1000 });
    expect(view.configuredBudget).toEqual({ limit: 1000, windowSeconds: 60 });
  });

  for (const format of ['markdown', 'har'] as const) {
    it(`supportBundle (${format}): request and status in, no secret anywhere`, async () => {
      const { text } = await call<{ text: string }>('supportBundle', {
        draft: draft('/limited'),
        exchange: limited,
        environmentId,
        format,
      });
      expect(text).toContain(`${server.url}/limited`);
      expect(text).toContain('429');
      expect(text).toContain('Canary');
      for (const secret of [TOKEN, ENV_SECRET]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(encodeURIComponent(secret));
      }
    });
  }

  it('supportBundle of a failed send shows the draft with its variables filled in, masked', async () => {
    const { text } = await call<{ text: string }>('supportBundle', {
      draft: draft('/x'),
      error: { code: 'network.refused', message: 'Connection refused.' },
      environmentId,
      format: 'markdown',
    });
    expect(text).toContain('network.refused');
    expect(text).toContain('X-Api-Key: ••••');
    expect(text).not.toContain(ENV_SECRET);
  });

  it('saveSupportBundle in browser mode hands the same text back as a download, and takes no path', async () => {
    const saved = await call<{
      saved: boolean;
      downloads: { name: string; text: string; mimeType: string }[];
    }>('saveSupportBundle', {
      draft: draft('/limited'),
      exchange: limited,
      environmentId,
      format: 'markdown',
    });
    expect(saved.saved).toBe(false);
    const written = saved.downloads[0]?.text ?? '';
    expect(saved.downloads[0]?.name).toMatch(/\.md$/);
    expect(written).toContain('## Findings');
    expect(written).not.toContain(TOKEN);
    const refused = await dispatch(services.handlers, 'saveSupportBundle', {
      draft: draft('/limited'),
      format: 'markdown',
      path: path.join(dataDir, 'bundle.md'),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
