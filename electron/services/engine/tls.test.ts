import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEngine } from './http-engine';
import type { SendOptions } from '../../../shared/model/request';
import { makeCertificate, type Certificate } from '../../../test-support/certificates';
import { startHttpServer, startHttpsServer, type RunningServer } from '../../../test-support/servers';

// A real node:https server with a certificate openssl makes for this run.
let server: RunningServer;
let mutual: RunningServer;
let plain: RunningServer;
let serverCert: Certificate;
let clientCert: Certificate;
let lockedClient: Certificate;
const engines: ReturnType<typeof createHttpEngine>[] = [];
const newEngine = () => {
  const engine = createHttpEngine({ env: {} });
  engines.push(engine);
  return engine;
};
const engine = newEngine();

beforeAll(async () => {
  serverCert = makeCertificate('server');
  clientCert = makeCertificate('client');
  lockedClient = makeCertificate('locked', 'right-passphrase');
  const hello = (body: object) => JSON.stringify(body);
  server = await startHttpsServer({ key: serverCert.key, cert: serverCert.cert }, (_req, res) =>
    res.end(hello({ hello: 'tls' })),
  );
  mutual = await startHttpsServer(
    {
      key: serverCert.key,
      cert: serverCert.cert,
      requestCert: true,
      rejectUnauthorized: false,
      ca: [clientCert.cert, lockedClient.cert],
    },
    (req, res) => {
      const socket = req.socket as import('node:tls').TLSSocket;
      res.end(
        hello({ authorized: socket.authorized, subject: socket.getPeerCertificate().subject?.O ?? null }),
      );
    },
  );
  plain = await startHttpServer((_req, res) => res.end('plain'));
}, 30_000);
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  await Promise.all([server?.close(), mutual?.close(), plain?.close()]);
});

let n = 0;
const get = (url: string, tls?: SendOptions['tls'], on = engine) =>
  on.execute(
    `tls${n++}`,
    { url: new URL(url), method: 'GET', headers: [], body: undefined },
    { timeoutMs: 10_000, connectTimeoutMs: 5_000, ...(tls ? { tls } : {}) },
  );

describe('TLS against a self-signed server', () => {
  it('refuses an untrusted certificate by default, saying why and how to opt out', async () => {
    await expect(get(server.url)).rejects.toMatchObject({
      code: 'network.tls',
      message: expect.stringMatching(
        /self-signed certificate.*add its CA file.*turn off certificate verification/,
      ),
    });
  });

  it('connects with verification off, and records that it was not verified', async () => {
    const exchange = await get(server.url, { verify: false });
    expect(JSON.parse(exchange.response.body.text)).toEqual({ hello: 'tls' });
    expect(exchange.tls).toMatchObject({
      verified: false,
      verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      protocol: expect.stringMatching(/^TLSv1\.[23]$/),
      cipher: expect.any(String),
      peerCertificate: { subject: 'CN=127.0.0.1, O=server', issuer: 'CN=127.0.0.1, O=server' },
    });
  });

  it('trusts a CA file on top of the public roots', async () => {
    const exchange = await get(server.url, { verify: true, caFile: serverCert.certPath });
    expect(exchange.tls).toMatchObject({ verified: true, peerCertificate: { validTo: expect.any(String) } });
  });

  it('times DNS, TCP and TLS on a new connection, and shows zeros on a reused one', async () => {
    const fresh = newEngine();
    const first = await get(`https://localhost:${server.port}/`, { verify: false }, fresh);
    expect(first.timings).toMatchObject({ reusedConnection: false });
    const { dnsMs = -1, connectMs = -1, tlsMs = -1 } = first.timings;
    expect(dnsMs).toBeGreaterThanOrEqual(0);
    expect(connectMs).toBeGreaterThanOrEqual(0);
    expect(tlsMs).toBeGreaterThan(0);
    expect(first.timings.firstByteMs).toBeGreaterThanOrEqual(dnsMs + connectMs + tlsMs);
    // undici hands the connection back to its pool a moment after the body ends.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await get(`https://localhost:${server.port}/`, { verify: false }, fresh);
    expect(second.timings).toMatchObject({ dnsMs: 0, connectMs: 0, tlsMs: 0, reusedConnection: true });
    expect(second.tls?.protocol).toBe(first.tls?.protocol);
  });

  it.each([
    ['no client certificate', undefined, { authorized: false, subject: null }],
    ['a client certificate', 'client', { authorized: true, subject: 'client' }],
    ['an encrypted key and its passphrase', 'locked', { authorized: true, subject: 'locked' }],
  ])('sends %s', async (_name, which, expected) => {
    const cert = which === 'client' ? clientCert : which === 'locked' ? lockedClient : undefined;
    const exchange = await get(mutual.url, {
      verify: false,
      ...(cert ? { clientCertFile: cert.certPath, clientKeyFile: cert.keyPath } : {}),
      ...(which === 'locked' ? { passphrase: 'right-passphrase' } : {}),
    });
    expect(JSON.parse(exchange.response.body.text)).toEqual(expected);
  });
});

describe('TLS settings that cannot work, in plain words', () => {
  it.each([
    [
      { caFile: '/no/such/ca.pem' },
      'tls.file',
      /The CA file "\/no\/such\/ca.pem" does not exist\. Check the path/,
    ],
    [{ clientCertFile: '/no/cert.pem' }, 'tls.file', /client certificate "\/no\/cert.pem" does not exist/],
    [{ caFile: '/tmp' }, 'tls.file', /is a folder, not a file/],
  ])('%j → %s', async (tls, code, message) => {
    await expect(get(server.url, { verify: true, ...tls })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  });

  it.each([
    ['wrong', /the passphrase is wrong/],
    [undefined, /encrypted and no passphrase was given/],
  ])('explains a key that cannot be unlocked (passphrase %s)', async (passphrase, message) => {
    await expect(
      get(mutual.url, {
        verify: false,
        clientCertFile: lockedClient.certPath,
        clientKeyFile: lockedClient.keyPath,
        ...(passphrase ? { passphrase } : {}),
      }),
    ).rejects.toMatchObject({ code: 'tls.passphrase', message: expect.stringMatching(message) });
  });

  it('explains a key that belongs to another certificate', async () => {
    await expect(
      get(mutual.url, {
        verify: false,
        clientCertFile: clientCert.certPath,
        clientKeyFile: serverCert.keyPath,
      }),
    ).rejects.toMatchObject({ code: 'tls.key-mismatch' });
  });

  it('explains https:// to a plain-HTTP port', async () => {
    await expect(get(plain.url.replace('http:', 'https:'))).rejects.toMatchObject({
      code: 'network.tls',
      message: expect.stringMatching(/try http:\/\/ instead/),
    });
  });
});
