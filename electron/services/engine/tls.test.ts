import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpEngine } from './http-engine';
import type { SendOptions } from '../../../shared/model/request';
import { diagnose } from '../../../shared/diagnose';
import {
  makeCertificate,
  makeExpiredCertificate,
  type Certificate,
} from '../../../test-support/certificates';
import { startHttpServer, startHttpsServer, type RunningServer } from '../../../test-support/servers';

// A real node:https server with a certificate openssl makes for this run.
let server: RunningServer;
let mutual: RunningServer;
let plain: RunningServer;
let expired: RunningServer;
let otherHost: RunningServer;
let expiredCert: Certificate;
let otherHostCert: Certificate;
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
  expiredCert = makeExpiredCertificate('expired');
  otherHostCert = makeCertificate('other-host', undefined, 'DNS:only.example,IP:127.0.0.2');
  expired = await startHttpsServer({ key: expiredCert.key, cert: expiredCert.cert }, (_req, res) =>
    res.end('x'),
  );
  otherHost = await startHttpsServer({ key: otherHostCert.key, cert: otherHostCert.cert }, (_req, res) =>
    res.end('x'),
  );
}, 30_000);
afterAll(async () => {
  await Promise.all(engines.map((e) => e.close()));
  await Promise.all([server?.close(), mutual?.close(), plain?.close(), expired?.close(), otherHost?.close()]);
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
      code: 'network.tls-untrusted',
      message: expect.stringMatching(
        /self-signed certificate.*add its CA file.*off certificate verification/,
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

describe('certificate failures get the advice that fits them', () => {
  const failure = async (url: string, caFile?: string) => {
    const error: unknown = await get(url, { verify: true, ...(caFile ? { caFile } : {}) }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const { code, message } = error as { code: string; message: string };
    const [finding] = diagnose({ error: { code, message }, nowMs: Date.now() });
    return { code, message, finding };
  };

  it('an expired certificate: its date, renew it or check the clock, no CA file', async () => {
    const { code, message, finding } = await failure(expired.url, expiredCert.certPath);
    expect(code).toBe('network.tls-expired');
    // Node does not attach the certificate: Lantern read its date over a second connection.
    expect(message).toMatch(/the server's certificate expired on [A-Z][a-z]{2} +\d+ [\d:]+ \d{4} GMT\./);
    expect(message).toMatch(/Adding a CA file cannot fix this: the site must renew its certificate/);
    expect(message).toMatch(/check this computer's date and time/);
    expect(finding?.title).toBe("The server's certificate has expired");
    expect(finding?.fix).not.toMatch(/add (its|the) CA file/i);
  });

  it('a certificate for other names: which names, use one of them, no CA file', async () => {
    const { code, message, finding } = await failure(otherHost.url, otherHostCert.certPath);
    expect(code).toBe('network.tls-wrong-host');
    expect(message).toMatch(
      /the server's certificate is for only\.example, 127\.0\.0\.2, not for 127\.0\.0\.1/,
    );
    expect(message).toMatch(/https:\/\/only\.example\//);
    expect(finding?.title).toBe('The certificate is for another host name');
    expect(finding?.fix).not.toMatch(/add (its|the) CA file/i);
  });

  it('a self-signed certificate: there the CA file is the advice', async () => {
    const { code, finding } = await failure(server.url);
    expect(code).toBe('network.tls-untrusted');
    expect(finding?.fix).toMatch(/CA file/);
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
