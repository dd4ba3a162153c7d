import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { handleAdminRequest } from './admin';
import { handleAjaxRequest } from './ajax/ajax-endpoint';
import { handleDevExecutor } from './ajax/dev-executor';
import { handleLoginPage } from './ajax/login-page';
import type { RequestContext, RouteHandler } from './context';
import { BodyTooLargeError, readBody, sendJson } from './http-util';
import { handleIhascoRequest } from './ihasco/rest';
import type { SandboxState } from './state';
import { handleGraphqlRequest } from './totara/graphql-endpoint';
import { handleTokenRequest } from './totara/token-endpoint';

const exactRoutes: Record<string, RouteHandler> = {
  '/totara/oauth2/token.php': handleTokenRequest,
  '/api/graphql.php': handleGraphqlRequest,
  '/login/index.php': handleLoginPage,
  '/totara/webapi/ajax.php': handleAjaxRequest,
  '/totara/webapi/dev_graphql_executor.php': handleDevExecutor,
};

function routeFor(pathname: string): RouteHandler | undefined {
  if (pathname === '/ihasco' || pathname.startsWith('/ihasco/')) return handleIhascoRequest;
  if (pathname === '/__sandbox' || pathname.startsWith('/__sandbox/')) return handleAdminRequest;
  return exactRoutes[pathname];
}

function notFound(ctx: RequestContext): void {
  sendJson(ctx.res, 404, {
    error: 'not_found',
    message: `The sandbox has no route ${ctx.method} ${ctx.url.pathname}. See sandbox/README.md for its endpoints.`,
  });
}

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  let body: Buffer;
  try {
    body = await readBody(req, state.config.bodyLimitBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return sendJson(
        res,
        413,
        { error: 'payload_too_large', message: error.message },
        { Connection: 'close' },
      );
    }
    throw error;
  }
  const ctx: RequestContext = { req, res, method: req.method ?? 'GET', url, body, state };
  const route = routeFor(url.pathname);
  await (route ?? notFound)(ctx);
}

/** The sandbox's HTTP server: one node:http server, every failure answered as JSON, never a crash. */
export function createSandboxServer(state: SandboxState): Server {
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'sandbox_error', message });
      else res.end();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}
