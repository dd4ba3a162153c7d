import { LanternError } from '../../../shared/model/result';
import type { Credential } from './credential-store';
import { cookiesFrom, postForm } from './form-post';

type SessionCredential = Extract<Credential, { kind: 'session' }>;

export interface Session {
  cookieHeader: string;
  csrfToken: string;
  loggedInAt: number;
}

/**
 * Session login + CSRF header (the Totara AJAX API): logs in with a form post,
 * keeps the session cookie and the CSRF token (sesskey) found in the page.
 */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();

  async sessionFor(
    credential: SessionCredential,
    { fresh = false } = {},
  ): Promise<{ session: Session; step: string }> {
    const existing = this.sessions.get(credential.id);
    if (existing && !fresh)
      return { session: existing, step: `Used the logged-in session of ${credential.label}.` };
    return this.login(credential);
  }

  async login(credential: SessionCredential): Promise<{ session: Session; step: string }> {
    const response = await postForm(
      credential.loginUrl,
      { username: credential.username, password: credential.password },
      { accept: 'text/html' },
      'the login page',
    );
    const cookies = cookiesFrom(response.headers);
    let pattern: RegExp;
    try {
      pattern = new RegExp(credential.csrfPattern);
    } catch {
      throw new LanternError(
        'auth.bad-pattern',
        `The CSRF-token pattern "${credential.csrfPattern}" is not a valid regular expression.`,
      );
    }
    const csrfToken = pattern.exec(response.text)?.[1];
    if (/loginerrormessage|Invalid login/i.test(response.text)) {
      throw new LanternError(
        'auth.login-failed',
        `Logging in to ${credential.loginUrl} as "${credential.username}" failed: the site answered "Invalid login". Check the username and password.`,
      );
    }
    if (cookies.size === 0 || !csrfToken) {
      throw new LanternError(
        'auth.login-incomplete',
        `Logged in to ${credential.loginUrl}, but ${cookies.size === 0 ? 'no session cookie was set' : 'no CSRF token matched the pattern'} (HTTP ${response.status}). Check the login URL and the CSRF pattern.`,
      );
    }
    const session: Session = {
      cookieHeader: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      csrfToken,
      loggedInAt: Date.now(),
    };
    this.sessions.set(credential.id, session);
    return {
      session,
      step: `Logged in to ${credential.loginUrl} as ${credential.username} (HTTP ${response.status}).`,
    };
  }
}
