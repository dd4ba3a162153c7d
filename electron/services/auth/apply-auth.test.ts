import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpbin, type RunningProcess } from '../../../test-support/processes';
import type { RequestAuth } from '../../../shared/model/auth';
import { createHttpEngine } from '../engine/http-engine';
import type { PreparedRequest } from '../engine/request-builder';
import { applyAuth, type AuthContext } from './apply-auth';
import { CredentialStore } from './credential-store';
import { SessionManager } from './session-manager';
import { TokenManager } from './token-manager';

function context(): AuthContext {
  return { credentials: new CredentialStore(), tokens: new TokenManager(), sessions: new SessionManager() };
}

async function browserSession(auth: AuthContext, siteUrl: string, csrfToken = 'Qz7pLm2XkW') {
  const saved = await auth.credentials.saveBrowserSession({
    label: 'Moodle',
    siteUrl,
    csrfHeader: 'X-Totara-Sesskey',
    cookie: 'MoodleSession=7f3kq0vd2m9c',
    csrfToken,
  });
  return { type: 'browserSession', credentialId: saved.id } satisfies RequestAuth;
}

const prepared = (url: string, method = 'POST'): PreparedRequest => ({
  url: new URL(url),
  method,
  headers: [['Accept', 'application/json']],
  body: '[]',
});

describe('applyAuth reports the headers it added', () => {
  it('names an API-key header, whatever it is called', async () => {
    const auth = context();
    const key = await auth.credentials.create({ kind: 'apiKey', label: 'Partner', key: 'p-4567890' });
    const request: RequestAuth = { type: 'apiKey', credentialId: key.id, name: 'Partner', in: 'header' };
    const result = await applyAuth(request, prepared('https://api.example.com/x'), auth);
    expect(result.prepared.authHeaderNames).toEqual(['Partner']);
    expect(result.prepared.headers).toContainEqual(['Partner', 'p-4567890']);
  });

  it('names the cookie and the CSRF header of a browser session', async () => {
    const auth = context();
    const request = await browserSession(auth, 'https://learn.example.com');
    const result = await applyAuth(request, prepared('https://learn.example.com/lib/ajax/service.php'), auth);
    expect(result.prepared.authHeaderNames).toEqual(['Cookie', 'X-Totara-Sesskey']);
  });
});

describe('a browser session and a sesskey parameter in the address', () => {
  it.each([
    [
      'fills an empty one, keeping the other parameters as typed',
      '/lib/ajax/service.php?sesskey=&info=core_fetch_notifications,x',
      '/lib/ajax/service.php?sesskey=Qz7pLm2XkW&info=core_fetch_notifications,x',
    ],
    ['fills one at the end', '/s.php?info=a&sesskey=', '/s.php?info=a&sesskey=Qz7pLm2XkW'],
    ['keeps a typed value', '/s.php?sesskey=mine&info=a', '/s.php?sesskey=mine&info=a'],
    ['adds none to an address without one', '/s.php?info=a', '/s.php?info=a'],
  ])('%s', async (_name, path, expected) => {
    const auth = context();
    const request = await browserSession(auth, 'https://learn.example.com');
    const result = await applyAuth(request, prepared(`https://learn.example.com${path}`), auth);
    expect(`${result.prepared.url.pathname}${result.prepared.url.search}`).toBe(expected);
    expect(result.secrets).toContain('Qz7pLm2XkW');
  });

  it('says so, and masks the URL-encoded form of a token', async () => {
    const auth = context();
    const request = await browserSession(auth, 'https://learn.example.com', 'a+b/c=');
    const result = await applyAuth(request, prepared('https://learn.example.com/s.php?sesskey='), auth);
    expect(result.prepared.url.search).toBe('?sesskey=a%2Bb%2Fc%3D');
    expect(result.secrets).toEqual(expect.arrayContaining(['a+b/c=', 'a%2Bb%2Fc%3D']));
    expect(result.applied.steps[0]).toMatch(/and filled the empty sesskey parameter/);
  });
});

describe('a redirect to another origin, through the real engine (httpbin)', () => {
  let httpbin: RunningProcess;
  const engine = createHttpEngine({ maxInlineBytes: 64 * 1024, env: {} });
  beforeAll(async () => {
    httpbin = await startHttpbin();
  }, 30_000);
  afterAll(async () => {
    await engine.close();
    await httpbin?.stop();
  });
  const options = { timeoutMs: 15_000, connectTimeoutMs: 5_000 };
  let n = 0;

  it('does not carry the sesskey, the cookie or an API-key header there', async () => {
    const other = httpbin.url.replace('127.0.0.1', 'localhost');
    const location = encodeURIComponent(`${other}/anything`);
    const auth = context();
    const session = await applyAuth(
      await browserSession(auth, httpbin.url),
      prepared(`${httpbin.url}/redirect-to?url=${location}&status_code=303`),
      auth,
    );
    const key = await auth.credentials.create({ kind: 'apiKey', label: 'Partner', key: 'p-4567890' });
    const both = await applyAuth(
      { type: 'apiKey', credentialId: key.id, name: 'Partner', in: 'header' },
      session.prepared,
      auth,
    );
    const exchange = await engine.execute(`redirect-${n++}`, both.prepared, options);
    const echoed = JSON.parse(exchange.response.body.text).headers as Record<string, string>;
    expect(exchange.redirects).toEqual([expect.objectContaining({ status: 303, method: 'POST' })]);
    expect(Object.keys(echoed).filter((name) => /^(cookie|x-totara-sesskey|partner)$/i.test(name))).toEqual(
      [],
    );
    expect(echoed.Accept).toBe('application/json');
    expect(exchange.notes).toContainEqual(
      expect.stringMatching(
        /another origin \(http:\/\/localhost:\d+\), so your Cookie, X-Totara-Sesskey and Partner headers were not sent there/,
      ),
    );
  });
});

describe('applyAuth with a secret taken from a {{variable}}', () => {
  it('sends the value the send resolves, and returns it (and its Basic form) for masking', async () => {
    const auth = context();
    const basic = await auth.credentials.create({
      kind: 'basic',
      label: 'Reports',
      username: 'report-bot',
      password: '{{report_password}}',
    });
    const asked: string[] = [];
    const resolve = (text: string, where: string) => {
      asked.push(`${text} in ${where}`);
      return text === '{{report_password}}' ? 'pw-from-env-9137' : text;
    };
    const result = await applyAuth(
      { type: 'basic', credentialId: basic.id },
      prepared('https://api.example.com/x'),
      auth,
      false,
      resolve,
    );
    const encoded = Buffer.from('report-bot:pw-from-env-9137').toString('base64');
    expect(result.prepared.headers).toContainEqual(['Authorization', `Basic ${encoded}`]);
    expect(result.secrets).toEqual(['pw-from-env-9137', encoded]);
    expect(asked).toContain('{{report_password}} in the password of the credential "Reports"');
  });
});
