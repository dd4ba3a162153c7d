import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../../model/request';
import { toSnippet } from '../to-snippet';

const ajax: RequestDraft = {
  method: 'POST',
  url: 'https://learn.example.com/totara/webapi/ajax.php',
  headers: [],
  body: { mode: 'json', text: '{"operationName":"totara_webapi_status","variables":{}}' },
  auth: { type: 'browserSession', credentialId: 'cred-1' },
};

describe('a snippet of a request that uses a pasted browser session', () => {
  it('writes the cookie and the sesskey as placeholders by default', () => {
    const snippet = toSnippet(ajax, 'curl-bash');
    expect(snippet.code).toContain("-H 'Cookie: {{session_cookie}}'");
    expect(snippet.code).toContain("-H 'X-Totara-Sesskey: {{sesskey}}'");
    expect(snippet.placeholders).toEqual(['session_cookie', 'sesskey']);
  });

  it('writes the values only when the user asked to include secrets', () => {
    const secrets = {
      'cred-1': {
        kind: 'browserSession' as const,
        cookie: 'TotaraSession=abc123',
        csrfHeader: 'X-Csrf',
        csrfToken: 'tok-9',
      },
    };
    const snippet = toSnippet(ajax, 'python-requests', { includeSecrets: true, secrets });
    expect(snippet.code).toContain('TotaraSession=abc123');
    expect(snippet.code).toContain("'X-Csrf': 'tok-9'");
    expect(toSnippet(ajax, 'curl-bash', { includeSecrets: false, secrets }).code).not.toContain('abc123');
  });
});

describe('a snippet of a browser-session request, without secrets', () => {
  it('uses the credential CSRF header, and none when the session has no token', () => {
    const custom = { 'cred-1': { csrfHeader: 'X-Csrf-Token', hasCsrfToken: true } };
    const snippet = toSnippet(ajax, 'curl-bash', { browserSessions: custom });
    expect(snippet.code).toContain("-H 'X-Csrf-Token: {{sesskey}}'");
    expect(snippet.code).not.toContain('X-Totara-Sesskey');

    const none = { 'cred-1': { csrfHeader: 'X-Totara-Sesskey', hasCsrfToken: false } };
    const cookieOnly = toSnippet(ajax, 'curl-bash', { browserSessions: none });
    expect(cookieOnly.code).not.toMatch(/sesskey/i);
    expect(cookieOnly.placeholders).toEqual(['session_cookie']);
  });

  it('fills an empty sesskey parameter of the address with the placeholder, or the token', () => {
    const moodle = { ...ajax, url: 'https://learn.example.com/lib/ajax/service.php?sesskey=&info=core_x' };
    // curl globs braces: the snippet escapes them.
    expect(toSnippet(moodle, 'curl-bash').code).toContain(
      "'https://learn.example.com/lib/ajax/service.php?sesskey=\\{\\{sesskey\\}\\}&info=core_x'",
    );
    const secrets = {
      'cred-1': {
        kind: 'browserSession' as const,
        cookie: 'MoodleSession=m1',
        csrfHeader: 'X-Totara-Sesskey',
        csrfToken: 'Qz7',
      },
    };
    expect(toSnippet(moodle, 'curl-bash', { includeSecrets: true, secrets }).code).toContain(
      'service.php?sesskey=Qz7&info=core_x',
    );
  });
});
