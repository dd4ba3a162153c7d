import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { persistedOperations } from './ajax/operations';
import { parseConfigPatch } from './config';
import type { RequestContext } from './context';
import { headerValue, isPlainObject, parseJson, sendJson } from './http-util';
import { randomToken } from './state';
import { endpointsFor } from './urls';

export const adminHeader = 'X-Sandbox-Admin';

const expireBody = z.object({ token: z.string().min(1) }).strict();

function adminError(ctx: RequestContext, status: number, error: string, message: string): void {
  sendJson(ctx.res, status, { error, message });
}

function isAdmin(ctx: RequestContext): boolean {
  const sent = Buffer.from(headerValue(ctx.req, adminHeader) ?? '');
  const expected = Buffer.from(ctx.state.adminToken);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/** The body as a JSON object (an empty body counts as `{}`); undefined when it is anything else. */
function jsonObjectBody(ctx: RequestContext): Record<string, unknown> | undefined {
  const text = ctx.body.toString('utf8').trim();
  if (text === '') return {};
  const parsed = parseJson(text);
  return parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
}

type AdminRoute = (ctx: RequestContext) => void;

const routes: Record<string, Partial<Record<string, AdminRoute>>> = {
  '/config': {
    GET: (ctx) => sendJson(ctx.res, 200, { config: ctx.state.config }),
    PUT: (ctx) => updateConfig(ctx),
    PATCH: (ctx) => updateConfig(ctx),
  },
  '/reset': {
    POST: (ctx) => {
      ctx.state.reset();
      sendJson(ctx.res, 200, { reset: true, config: ctx.state.config });
    },
  },
  '/credentials': {
    GET: (ctx) =>
      sendJson(ctx.res, 200, {
        credentials: ctx.state.credentials,
        endpoints: endpointsFor(ctx.state.baseUrl),
      }),
  },
  '/totara/tokens': {
    GET: (ctx) =>
      sendJson(ctx.res, 200, {
        tokens: [...ctx.state.tokens].map(([token, issued]) => ({
          token,
          expiresAt: new Date(issued.expiresAt).toISOString(),
          expired: issued.expiresAt <= Date.now(),
        })),
      }),
  },
  '/totara/tokens/expire': {
    POST: (ctx) => {
      const body = jsonObjectBody(ctx);
      const parsed = body && Object.keys(body).length === 0 ? undefined : expireBody.safeParse(body);
      if (parsed && !parsed.success) {
        return adminError(
          ctx,
          400,
          'bad_request',
          'Body must be empty (expire every token) or {"token":"<access token>"}.',
        );
      }
      sendJson(ctx.res, 200, { expired: ctx.state.expireTokens(parsed?.data.token) });
    },
  },
  '/totara/client/disable': { POST: (ctx) => setClient(ctx, false) },
  '/totara/client/enable': { POST: (ctx) => setClient(ctx, true) },
  '/ihasco/tokens': {
    POST: (ctx) => {
      const token = `ihasco_${randomToken(12)}`;
      ctx.state.ihascoTokens.add(token);
      sendJson(ctx.res, 201, { token });
    },
  },
};

function setClient(ctx: RequestContext, enabled: boolean): void {
  sendJson(ctx.res, 200, { config: ctx.state.configure({ clientEnabled: enabled }) });
}

function updateConfig(ctx: RequestContext): void {
  const body = jsonObjectBody(ctx);
  if (!body) {
    return adminError(
      ctx,
      400,
      'bad_request',
      'Body must be a JSON object of config keys, e.g. {"maxDepth":12}.',
    );
  }
  const patch = parseConfigPatch(body);
  if (!patch.ok) return adminError(ctx, 400, 'invalid_config', patch.message);
  sendJson(ctx.res, 200, { config: ctx.state.configure(patch.value) });
}

/** Everything under /__sandbox/. Only the operation registry is public; the rest needs the admin token. */
export function handleAdminRequest(ctx: RequestContext): void {
  const path = ctx.url.pathname.replace(/^\/__sandbox/, '').replace(/\/+$/, '');
  if (path === '/operations' && ctx.method === 'GET') {
    return sendJson(ctx.res, 200, { operations: persistedOperations });
  }
  if (!isAdmin(ctx)) {
    return adminError(
      ctx,
      401,
      'admin_token_required',
      `Send the sandbox admin token (printed at start) in the ${adminHeader} header.`,
    );
  }
  const revoke = /^\/ihasco\/tokens\/([^/]+)$/.exec(path);
  if (revoke && ctx.method === 'DELETE') {
    const token = decodeURIComponent(revoke[1] ?? '');
    if (!ctx.state.ihascoTokens.delete(token))
      return adminError(ctx, 404, 'not_found', 'No such iHASCO token.');
    return sendJson(ctx.res, 200, { revoked: true });
  }
  const route = routes[path];
  if (!route) {
    return adminError(ctx, 404, 'not_found', `No sandbox admin route ${path || '/'}. See sandbox/README.md.`);
  }
  const handler = route[ctx.method];
  if (!handler) {
    return adminError(
      ctx,
      405,
      'method_not_allowed',
      `Use ${Object.keys(route).join(' or ')} for /__sandbox${path}.`,
    );
  }
  handler(ctx);
}
