import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { callPath, EVENTS_PATH, type EmitEvent, type Handlers } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { CONTENT_SECURITY_POLICY } from '../security';
import { contentTypeFor, resolveStaticPath } from '../static-files';
import { checkHostAndOrigin, checkToken } from './host-guard';

export interface HostOptions {
  handlers: Handlers;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random 256-bit one otherwise. */
  token?: string;
}

const MAX_CALL_BYTES = 8 * 1024 * 1024;
const CALL_PREFIX = callPath('send').replace(/send$/, '');

/** Browser mode: the main side's services behind a loopback-only HTTP server. */
export async function startHost({
  handlers,
  rendererDir,
  port = 0,
  token = randomBytes(32).toString('hex'),
}: HostOptions) {
  const streams = new Set<ServerResponse>();
  let boundPort = port;

  const server = createServer((request, response) => {
    void route(request, response).catch(() => {
      if (!response.headersSent)
        send(response, 500, { ok: false, error: { code: 'internal', message: 'Host error.' } });
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const door = checkHostAndOrigin(request, boundPort);
    if (!door.allowed)
      return send(response, door.status, { ok: false, error: { code: 'forbidden', message: door.message } });
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname.startsWith('/api/')) {
      const key = checkToken(request, token);
      if (!key.allowed)
        return send(response, key.status, {
          ok: false,
          error: { code: 'unauthorized', message: key.message },
        });
      if (pathname === EVENTS_PATH && request.method === 'GET') return openEventStream(response);
      if (pathname.startsWith(CALL_PREFIX) && request.method === 'POST') {
        const input = await readJson(request);
        if (!input.ok)
          return send(response, 400, { ok: false, error: { code: 'invalid-input', message: input.message } });
        return send(response, 200, await dispatch(handlers, pathname.slice(CALL_PREFIX.length), input.value));
      }
      return send(response, 404, {
        ok: false,
        error: { code: 'not-found', message: `No API route ${pathname}.` },
      });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: 'Method not allowed' });
    return serveStatic(response, pathname);
  }

  async function serveStatic(response: ServerResponse, pathname: string): Promise<void> {
    const file = resolveStaticPath(rendererDir, pathname);
    const data = file ? await readFile(file).catch(() => undefined) : undefined;
    if (!file || !data) return send(response, 404, { error: 'Not found' });
    response.writeHead(200, {
      'content-type': contentTypeFor(path.extname(file)),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    response.end(data);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const emit: EmitEvent = (name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;

  return {
    port: boundPort,
    token,
    url: `http://127.0.0.1:${boundPort}/`,
    /** The address to open: the token travels in the fragment, which browsers never send or put in a Referer. */
    launchUrl: `http://127.0.0.1:${boundPort}/#token=${token}`,
    emit,
    close: async () => {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}

async function readJson(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CALL_BYTES) return { ok: false, message: 'The call is larger than 8 MB.' };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'The call body is not valid JSON.' };
  }
}
