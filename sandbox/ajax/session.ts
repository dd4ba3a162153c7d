import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../context';
import { headerValue, parseCookies } from '../http-util';
import { newSesskey } from '../state';
import type { AjaxSession } from '../state';

export const sessionCookieName = 'TotaraSession';

export function currentSession(ctx: RequestContext): { id: string; session: AjaxSession } | undefined {
  const id = parseCookies(headerValue(ctx.req, 'cookie')).get(sessionCookieName);
  const session = id === undefined ? undefined : ctx.state.sessions.get(id);
  return id !== undefined && session ? { id, session } : undefined;
}

export function startSession(ctx: RequestContext, loggedIn: boolean): { id: string; session: AjaxSession } {
  const id = randomBytes(16).toString('hex');
  const session: AjaxSession = { sesskey: newSesskey(), loggedIn };
  ctx.state.sessions.set(id, session);
  return { id, session };
}

export function sessionCookie(id: string): string {
  return `${sessionCookieName}=${id}; path=/; HttpOnly; SameSite=Lax`;
}
