/**
 * Real local servers for the engine's tests: a self-signed TLS server, a plain HTTP server
 * and a small CONNECT/forwarding proxy. Only tests import this file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  request as httpRequest,
  type RequestListener,
  type Server,
} from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Certificate {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

/** A self-signed certificate for 127.0.0.1 made with openssl; `passphrase` encrypts the key. */
export function makeCertificate(
  name: string,
  passphrase?: string,
  /** The names it covers (subjectAltName), e.g. `DNS:only.example,IP:127.0.0.2` for a wrong-host test. */
  altNames = 'IP:127.0.0.1,DNS:localhost',
): Certificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-tls-'));
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-days',
      '2',
      ...(passphrase ? ['-passout', `pass:${passphrase}`] : ['-nodes']),
      '-subj',
      `/CN=127.0.0.1/O=${name}`,
      '-addext',
      `subjectAltName=${altNames}`,
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

/** A self-signed certificate for 127.0.0.1 that expired a day ago (openssl x509 -days -1). */
export function makeExpiredCertificate(name: string): Certificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-tls-'));
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  const csrPath = path.join(dir, `${name}.csr`);
  const extPath = path.join(dir, `${name}.ext`);
  writeFileSync(extPath, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=127.0.0.1/O=${name}`,
    '-keyout',
    keyPath,
    '-out',
    csrPath,
  ]);
  run([
    'x509',
    '-req',
    '-in',
    csrPath,
    '-signkey',
    keyPath,
    '-days',
    '-1',
    '-extfile',
    extPath,
    '-out',
    certPath,
  ]);
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const startHttpServer = (handler: RequestListener) => listen(createHttpServer(handler), 'http');

export const startHttpsServer = (options: ServerOptions, handler: RequestListener) =>
  listen(createHttpsServer(options, handler), 'https');

export interface RunningProxy extends RunningServer {
  /** What went through: "CONNECT host:port" or "GET http://…". */
  seen: string[];
}

/** An HTTP proxy that tunnels CONNECT and forwards absolute-form requests; optional Basic auth. */
export async function startProxy(credentials?: string): Promise<RunningProxy> {
  const seen: string[] = [];
  const tunnels = new Set<Socket>();
  const expected = credentials && `Basic ${Buffer.from(credentials).toString('base64')}`;
  const allowed = (header: string | undefined) => !expected || header === expected;
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (!allowed(req.headers['proxy-authorization'])) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, client, head) => {
    seen.push(`CONNECT ${req.url}`);
    if (!allowed(req.headers['proxy-authorization'])) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const target = connect(Number(port), host, () => {
      tunnels.add(client as Socket).add(target);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(client);
      client.pipe(target);
    });
    target.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'));
    client.on('error', () => target.destroy());
  });
  const running = await listen(server, 'http');
  const close = async () => {
    for (const socket of tunnels) socket.destroy();
    await running.close();
  };
  return { ...running, seen, close };
}
