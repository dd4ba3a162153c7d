import type { RequestContext } from '../context';
import { headerValue, isPlainObject, mediaType, parseForm, parseJson, sendJson } from '../http-util';
import type { IhascoUser } from './data';
import { takeRestRequest } from './rate-limit';
import { summarise, validateUserPatch } from './validation';

const baseHeaders = { 'Cache-Control': 'no-cache, private' };

function bearerToken(ctx: RequestContext): string | undefined {
  const header = headerValue(ctx.req, 'authorization') ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  const token = match?.[1];
  return token !== undefined && ctx.state.ihascoTokens.has(token) ? token : undefined;
}

function paginate<T>(ctx: RequestContext, items: T[], path: string) {
  const params = ctx.url.searchParams;
  const perPage = Math.min(100, Math.max(1, Number.parseInt(params.get('per_page') ?? '', 10) || 15));
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const base = `${ctx.state.baseUrl}/ihasco${path}`;
  const link = (target: number) =>
    `${base}?${params.has('per_page') ? `per_page=${perPage}&` : ''}page=${target}`;
  const data = items.slice((page - 1) * perPage, page * perPage);
  const from = data.length > 0 ? (page - 1) * perPage + 1 : null;
  return {
    data,
    links: {
      first: link(1),
      last: link(lastPage),
      prev: page > 1 ? link(page - 1) : null,
      next: page < lastPage ? link(page + 1) : null,
    },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      path: base,
      per_page: perPage,
      to: from === null ? null : from + data.length - 1,
      total,
    },
  };
}

/** Reads a PATCH body as JSON or form, as Laravel does; anything else (or broken JSON) reads as no input. */
function readInput(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.body.toString('utf8');
  const type = mediaType(ctx.req);
  if (type === 'application/x-www-form-urlencoded') return parseForm(text);
  if (type === 'application/json' || type.endsWith('+json')) {
    const parsed = parseJson(text);
    return parsed.ok && isPlainObject(parsed.value) ? parsed.value : {};
  }
  return {};
}

function findUser(ctx: RequestContext, key: string): IhascoUser | undefined {
  const decoded = decodeURIComponent(key);
  return ctx.state.ihascoUsers.find((user) =>
    /^\d+$/.test(decoded) ? user.id === Number(decoded) : user.email === decoded.toLowerCase(),
  );
}

/** Everything under /ihasco: throttle (keyed by token, or by IP for guests), then auth, then the route. */
export function handleIhascoRequest(ctx: RequestContext): void {
  const token = bearerToken(ctx);
  const key = token ? `token:${token}` : `ip:${ctx.req.socket.remoteAddress ?? 'unknown'}`;
  const decision = takeRestRequest(ctx.state, key);
  const reply = (status: number, body: unknown) =>
    sendJson(ctx.res, status, body, { ...baseHeaders, ...decision.headers });
  if (!decision.allowed) return reply(429, { message: 'Too Many Attempts.' });
  const path = ctx.url.pathname.replace(/^\/ihasco/, '').replace(/\/+$/, '');
  const userMatch = /^\/users\/([^/]+)$/.exec(path);
  const routes: Record<string, string[]> = { '/users': ['GET'], '/results': ['GET'] };
  const allowed = userMatch ? ['GET', 'PATCH'] : routes[path];
  if (!allowed) return reply(404, { message: `The route ihasco${path} could not be found.` });
  if (!token) return reply(401, { message: 'Unauthenticated.' });
  if (!allowed.includes(ctx.method)) {
    return reply(405, {
      message: `The ${ctx.method} method is not supported for route ihasco${path}. Supported methods: ${allowed.join(', ')}.`,
    });
  }
  if (path === '/users') return reply(200, paginate(ctx, ctx.state.ihascoUsers, path));
  if (path === '/results') {
    const userId = ctx.url.searchParams.get('user_id');
    const results = ctx.state.ihascoResults.filter((result) => !userId || String(result.user_id) === userId);
    return reply(200, paginate(ctx, results, path));
  }
  const user = findUser(ctx, userMatch?.[1] ?? '');
  if (!user)
    return reply(404, { message: `No query results for model [App\\Models\\User] ${userMatch?.[1] ?? ''}` });
  if (ctx.method === 'GET') return reply(200, { data: user });
  const input = readInput(ctx);
  const errors = validateUserPatch(input, ctx.state.ihascoUsers, user);
  // iHASCO answers validation failures with 400 (Laravel's default would be 422).
  if (Object.keys(errors).length > 0) return reply(400, { message: summarise(errors), errors });
  for (const field of ['first_name', 'last_name', 'email'] as const) {
    const value = input[field];
    if (typeof value === 'string') user[field] = field === 'email' ? value.toLowerCase() : value;
  }
  user.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, '.000000Z');
  reply(200, { data: user });
}
