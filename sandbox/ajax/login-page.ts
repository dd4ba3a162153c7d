import type { RequestContext } from '../context';
import { mediaType, parseForm, send } from '../http-util';
import { currentSession, sessionCookie, startSession } from './session';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Totara prints M.cfg with PHP's json_encode, which escapes slashes: "http:\/\/host". */
function mcfgScript(wwwroot: string, sesskey: string): string {
  const cfg = JSON.stringify({ wwwroot, sesskey, sessiontimeout: '7200', themerev: '1', theme: 'ventura' });
  return `<script>
//<![CDATA[
var M = {}; M.yui = {};
M.cfg = ${cfg.replace(/\//g, '\\/')};
//]]>
</script>`;
}

function page(ctx: RequestContext, sesskey: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Lantern Sandbox: Log in to the site</title>
${mcfgScript(ctx.state.baseUrl, sesskey)}
</head><body id="page-login-index">
${content}
</body></html>`;
}

function loginForm(error?: string): string {
  return `<h1>Log in</h1>
${error ? `<div class="alert alert-danger" role="alert" id="loginerrormessage">${escapeHtml(error)}</div>` : ''}
<form action="/login/index.php" method="post" id="login">
  <label for="username">Username</label> <input type="text" name="username" id="username">
  <label for="password">Password</label> <input type="password" name="password" id="password">
  <button type="submit" id="loginbtn">Log in</button>
</form>`;
}

const htmlHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store, no-cache, must-revalidate',
};

/**
 * GET/POST /login/index.php. Like every Totara page it embeds the session's sesskey in M.cfg.
 * A successful POST answers 200 with a logged-in page (real Totara redirects with 303; unconfirmed shortcut).
 */
export function handleLoginPage(ctx: RequestContext): void {
  const existing = currentSession(ctx);
  if (ctx.method === 'POST') {
    const form =
      mediaType(ctx.req) === 'application/x-www-form-urlencoded' ? parseForm(ctx.body.toString('utf8')) : {};
    const { username, password } = ctx.state.credentials.ajax;
    if (form.username === username && form.password === password) {
      // A new session id on login, as Moodle does to prevent session fixation.
      if (existing) ctx.state.sessions.delete(existing.id);
      const { id, session } = startSession(ctx, true);
      const content = `<h1>Dashboard</h1><p class="logininfo">You are logged in as <a href="/user/profile.php">${escapeHtml(username)}</a></p>`;
      return send(ctx.res, 200, page(ctx, session.sesskey, content), {
        ...htmlHeaders,
        'Set-Cookie': sessionCookie(id),
      });
    }
    const { id, session } = existing ?? startSession(ctx, false);
    const content = loginForm('Invalid login, please try again');
    return send(ctx.res, 200, page(ctx, session.sesskey, content), {
      ...htmlHeaders,
      'Set-Cookie': sessionCookie(id),
    });
  }
  if (ctx.method !== 'GET') {
    return send(ctx.res, 405, 'Method not allowed', { 'Content-Type': 'text/plain', Allow: 'GET, POST' });
  }
  const { id, session } = existing ?? startSession(ctx, false);
  const content = session.loggedIn ? '<h1>Log in</h1><p>You are already logged in.</p>' : loginForm();
  send(ctx.res, 200, page(ctx, session.sesskey, content), {
    ...htmlHeaders,
    'Set-Cookie': sessionCookie(id),
  });
}
