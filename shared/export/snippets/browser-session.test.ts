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
