import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';
import { applyAuth, authWasRejected, type AuthContext } from './apply-auth';
import { CredentialStore } from './credential-store';
import { SessionManager } from './session-manager';
import { TokenManager } from './token-manager';
import type { Exchange } from '../../../shared/model/response';

const hex = () => randomBytes(8).toString('hex');

async function storeIn(dir = mkdtempSync(path.join(tmpdir(), 'lantern-browser-session-'))) {
  const vault = await Vault.open({ dir, protector: keyFileProtector(dir) });
  const store = new CredentialStore({ dir, vault });
  await store.load();
  return { dir, store };
}

const allBytes = (dir: string) =>
  Buffer.concat(readdirSync(dir).map((name) => readFileSync(path.join(dir, name))));

function pasted() {
  const session = `sess${hex()}`;
  const other = `other${hex()}`;
  const sesskey = `key${hex()}`;
  return { session, other, sesskey, cookie: `TotaraSession=${session}; MOODLEID1_=${other}` };
}

describe('a browser-session credential in the store', () => {
  it('keeps the cookie and sesskey in the vault only, masks every piece, survives a reopen', async () => {
    const { dir, store } = await storeIn();
    const secrets = pasted();
    const summary = await store.saveBrowserSession({
      label: 'Learn (Chrome)',
      siteUrl: 'https://learn.example.com/totara/webapi/ajax.php',
      csrfHeader: 'X-Totara-Sesskey',
      cookie: secrets.cookie,
      csrfToken: secrets.sesskey,
    });
    expect(summary).toMatchObject({
      kind: 'browserSession',
      fields: { siteUrl: 'https://learn.example.com', csrfHeader: 'X-Totara-Sesskey' },
      secretPreview: `2 cookies (TotaraSession ••••${secrets.session.slice(-4)}, MOODLEID1_ ••••${secrets.other.slice(-4)}), CSRF token ••••${secrets.sesskey.slice(-4)}`,
    });
    expect(summary.details).toContainEqual(['Site', 'https://learn.example.com']);
    const shown = JSON.stringify(summary);
    for (const piece of [secrets.session, secrets.other, secrets.sesskey]) {
      expect(shown).not.toContain(piece);
      expect(allBytes(dir).includes(piece)).toBe(false);
    }
    expect(readFileSync(path.join(dir, 'credentials.json'), 'utf8')).not.toMatch(/session"|csrfToken|cookie/);

    const { store: again } = await storeIn(dir);
    expect(again.summaries()).toEqual([summary]);
    expect(again.allSecrets()).toEqual(
      expect.arrayContaining([secrets.cookie, secrets.session, secrets.other, secrets.sesskey]),
    );
    expect(again.reveal(summary.id)).toBe(`Cookie: ${secrets.cookie}\nX-Totara-Sesskey: ${secrets.sesskey}`);

    // A fresh paste replaces the session, under the same id.
    const fresh = pasted();
    const updated = await again.saveBrowserSession({
      id: summary.id,
      label: 'Learn (Chrome)',
      siteUrl: 'https://learn.example.com',
      csrfHeader: 'X-Totara-Sesskey',
      cookie: fresh.cookie,
      csrfToken: '',
    });
    expect(updated.id).toBe(summary.id);
    expect(updated.secretPreview).toMatch(/, no CSRF token$/);
    expect(again.allSecrets()).not.toContain(secrets.session);
  });

  it('masks a session-like cookie value everywhere, but not a preference such as dark or en-US', async () => {
    const { store } = await storeIn();
    const session = `q2b5r7t9${hex()}`;
    const cookie = `theme=dark; lang=en-US; seen=true; ts=1700000000; MoodleSession=${session}`;
    await store.saveBrowserSession({
      label: 'Learn (Firefox)',
      siteUrl: 'https://learn.example.com',
      csrfHeader: 'X-Totara-Sesskey',
      cookie,
      csrfToken: 'Kd9xAbCdEf',
    });
    const secrets = store.allSecrets();
    expect(secrets.sort()).toEqual([cookie, 'Kd9xAbCdEf', session].sort());
  });

  it('refuses a generic save whose secret is not a pasted session, and a paste over another kind', async () => {
    const { store } = await storeIn();
    await expect(
      store.save({
        kind: 'browserSession',
        label: 'x',
        fields: { siteUrl: 'https://a.example' },
        secret: 'abc',
      }),
    ).rejects.toThrow(/must be pasted as a "Copy as cURL" command/);
    const bearer = await store.create({ kind: 'bearer', label: 'T', token: 'tok-1234567890' });
    await expect(
      store.saveBrowserSession({
        id: bearer.id,
        label: 'T',
        siteUrl: 'https://a.example',
        csrfHeader: 'X-Totara-Sesskey',
        cookie: 'a=1',
        csrfToken: '',
      }),
    ).rejects.toThrow(/bearer token credential: a pasted browser session cannot replace it/);
  });
});

describe('applying a browser session', () => {
  async function contextWith(cookie: string, csrfToken: string) {
    const { store } = await storeIn();
    const saved = await store.saveBrowserSession({
      label: 'Pasted',
      siteUrl: 'https://learn.example.com',
      csrfHeader: 'X-Totara-Sesskey',
      cookie,
      csrfToken,
    });
    const context: AuthContext = {
      credentials: store,
      tokens: new TokenManager(),
      sessions: new SessionManager(),
    };
    return { context, auth: { type: 'browserSession' as const, credentialId: saved.id } };
  }
  const prepared = (url: string, headers: [string, string][] = []) => ({
    url: new URL(url),
    method: 'POST',
    headers,
    body: '{"operationName":"totara_webapi_status"}',
  });

  it('sends the cookie merged with the request own one, and the CSRF header', async () => {
    const { context, auth } = await contextWith('TotaraSession=abc; MOODLEID1_=x', 'sk-1');
    const result = await applyAuth(
      auth,
      prepared('https://learn.example.com/totara/webapi/ajax.php', [
        ['cookie', 'theme=dark; TotaraSession=old'],
      ]),
      context,
    );
    expect(result.prepared.headers).toEqual([
      ['Cookie', 'theme=dark; TotaraSession=abc; MOODLEID1_=x'],
      ['X-Totara-Sesskey', 'sk-1'],
    ]);
    // The whole pasted header and the token are searched for; `abc` and `x` are masked by header name only.
    expect(result.secrets).toEqual(['TotaraSession=abc; MOODLEID1_=x', 'sk-1']);
    expect(result.applied.steps[0]).toMatch(
      /^Sent the cookie and the X-Totara-Sesskey header of the browser/,
    );
  });

  it('never sends the session to another site', async () => {
    const { context, auth } = await contextWith('TotaraSession=abc', 'sk-1');
    const result = await applyAuth(auth, prepared('https://evil.example.net/x'), context);
    expect(result.prepared.headers).toEqual([]);
    expect(result.applied.steps[0]).toMatch(/belongs to https:\/\/learn.example.com/);
  });

  it('is never retried blindly: there is no login to redo', () => {
    const exchange = {
      response: {
        status: 200,
        body: { encoding: 'utf8', text: '{"errors":[{"message":"Invalid sesskey"}]}' },
      },
    } as unknown as Exchange;
    expect(authWasRejected({ type: 'browserSession', credentialId: 'c' }, exchange)).toBe(false);
    expect(authWasRejected({ type: 'session', credentialId: 'c' }, exchange)).toBe(true);
  });
});
