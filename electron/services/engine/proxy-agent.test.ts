import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/processes';
import type { SendOptions } from '../../../shared/model/request';
import { createHttpEngine, type HttpEngineOptions } from './http-engine';
import { makeCertificate } from '../../../test-support/certificates';
import {
  startHttpServer,
  startHttpsServer,
  startProxy,
  type RunningProxy,
  type RunningServer,
} from '../../../test-support/servers';

// Real servers: a target over http and https, and a CONNECT/forwarding proxy in front of them.
let target: RunningServer;
let secureTarget: RunningServer;
let proxy: RunningProxy;
let lockedProxy: RunningProxy;
const engines: ReturnType<typeof createHttpEngine>[] = [];
const engineWith = (env: HttpEngineOptions['env'] = {}) => {
  const engine = createHttpEngine({ env });
  engines.push(engine);
  return engine;
};

beforeAll(async () => {
  const cert = makeCertificate('target');
  target = await startHttpServer((req, res) => res.end(`plain ${req.url}`));
  secureTarget = await startHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) =>
    res.end(`secure ${req.url}`),
  );
  proxy = await startProxy();
  lockedProxy = await startProxy('ann:s3cret');
}, 30_000);
afterAll(async () => {
  await Promise.all(engines.map((engine) => engine.close()));
  await Promise.all([target, secureTarget, proxy, lockedProxy].map((server) => server?.close()));
});

let n = 0;
const get = (engine: ReturnType<typeof createHttpEngine>, url: string, extra: Partial<SendOptions> = {}) =>
  engine.execute(
    `p${n++}`,
    { url: new URL(url), method: 'GET', headers: [], body: undefined },
    { timeoutMs: 10_000, connectTimeoutMs: 5_000, ...extra },
  );
const hostOf = (url: string) => new URL(url).host;

describe('proxies', () => {
  it('goes through the proxy from settings, and records it', async () => {
    proxy.seen.length = 0;
    const exchange = await get(engineWith(), `${target.url}/a`, { proxy: proxy.url });
    expect(exchange.response.body.text).toBe('plain /a');
    expect(exchange.proxy).toBe(proxy.url);
    expect(proxy.seen).toEqual([`CONNECT ${hostOf(target.url)}`]);
  });

  it('tunnels https, and still verifies the target', async () => {
    const engine = engineWith({ HTTPS_PROXY: proxy.url });
    await expect(get(engine, `${secureTarget.url}/s`)).rejects.toMatchObject({
      code: 'network.tls-untrusted',
    });
    const exchange = await get(engine, `${secureTarget.url}/s`, { tls: { verify: false } });
    expect(exchange.response.body.text).toBe('secure /s');
    expect(exchange.tls).toMatchObject({
      verified: false,
      peerCertificate: { subject: 'CN=127.0.0.1, O=target' },
    });
    expect(exchange.proxy).toBe(proxy.url);
  });

  it.each([
    ['HTTP_PROXY', { HTTP_PROXY: 'PROXY' }, true],
    ['http_proxy', { http_proxy: 'PROXY' }, true],
    ['NO_PROXY with the host', { HTTP_PROXY: 'PROXY', NO_PROXY: '127.0.0.1' }, false],
    ['NO_PROXY with another port', { HTTP_PROXY: 'PROXY', NO_PROXY: '127.0.0.1:1' }, true],
    ['NO_PROXY=*', { HTTP_PROXY: 'PROXY', no_proxy: '*' }, false],
    ['HTTPS_PROXY only', { HTTPS_PROXY: 'PROXY' }, false],
  ])('reads %s from the environment', async (_name, env, proxied) => {
    proxy.seen.length = 0;
    const filled = Object.fromEntries(
      Object.entries(env).map(([k, v]) => [k, v.replace('PROXY', proxy.url)]),
    );
    const exchange = await get(engineWith(filled), `${target.url}/env`);
    expect(exchange.response.body.text).toBe('plain /env');
    expect(exchange.proxy).toBe(proxied ? proxy.url : undefined);
    expect(proxy.seen.length).toBe(proxied ? 1 : 0);
  });

  it('sends the proxy credentials from its URL, and masks them in the exchange', async () => {
    const withCredentials = lockedProxy.url.replace('http://', 'http://ann:s3cret@');
    const exchange = await get(engineWith(), `${target.url}/auth`, { proxy: withCredentials });
    expect(exchange.response.body.text).toBe('plain /auth');
    expect(exchange.proxy).toBe(lockedProxy.url.replace('http://', 'http://ann:••••@'));
  });

  it.each([
    ['no credentials', (url: string) => url, 'proxy.auth', /asked for credentials \(407/],
    [
      'a proxy that is down',
      () => 'http://127.0.0.1:PORT',
      'proxy.unreachable',
      /Could not reach the proxy .*connection refused/,
    ],
  ])('explains %s', async (_name, proxyFor, code, message) => {
    const url = proxyFor(lockedProxy.url).replace('PORT', String(await freePort()));
    await expect(get(engineWith(), `${target.url}/x`, { proxy: url })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it('explains a proxy that cannot reach the target', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`;
    await expect(get(engineWith(), closed, { proxy: proxy.url })).rejects.toMatchObject({
      code: 'proxy.refused',
      message: expect.stringMatching(/would not open a connection .* \(it answered 502\)/),
    });
  });
});
