/**
 * Real local servers for tests: a plain HTTP server, a TLS server (its certificate comes from
 * certificates.ts) and a small CONNECT/forwarding proxy.
 */
import {
  createServer as createHttpServer,
  request as httpRequest,
  type RequestListener,
  type Server,
} from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

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
