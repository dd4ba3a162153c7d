import { describe, expect, it } from 'vitest';
import {
  AJAX_URL,
  bareInternalError,
  clientSafe,
  draft,
  exchange,
  findingOf,
  idsOf,
  JSON_SENT,
  SITE,
} from '../test-support';

const ajaxDraft = draft({
  url: '{{base}}/totara/webapi/ajax.php',
  json: { operationName: 'totara_webapi_status', variables: {} },
  auth: { type: 'session', credentialId: 'ajax' },
});
const sessionSent: [string, string][] = [
  JSON_SENT,
  ['Cookie', 'TotaraSession=••••8f2a'],
  ['X-Totara-Sesskey', '••••'],
];
const badSesskey = (category: string) => clientSafe('Invalid sesskey, page reload required', category);

describe('Totara AJAX API and developer endpoint (scenarios 17 and 18)', () => {
  it('says the sesskey is stale when the session is valid (require_refresh)', () => {
    const input = {
      draft: ajaxDraft,
      exchange: exchange({ url: AJAX_URL, requestHeaders: sessionSent, body: badSesskey('require_refresh') }),
    };
    expect(idsOf(input)).toEqual(['totara.ajax.sesskey']);
    expect(findingOf(input, 'totara.ajax.sesskey').title).toMatch(/stale/);
  });

  it('says no session cookie was sent, and that -b carries cookies (require_login)', () => {
    const input = {
      draft: ajaxDraft,
      exchange: exchange({
        url: AJAX_URL,
        requestHeaders: [JSON_SENT, ['X-Totara-Sesskey', 'stale']],
        body: badSesskey('require_login'),
      }),
    };
    expect(idsOf(input)).toEqual(['totara.ajax.not-logged-in']);
    const finding = findingOf(input, 'totara.ajax.not-logged-in');
    expect(finding.title).toBe('No session cookie was sent');
    expect(finding.explanation).toMatch(/-b '…'/);
  });

  it('says the session expired when a cookie was sent but nobody is logged in', () => {
    const body = clientSafe('Course or activity not accessible. (You are not logged in)', 'require_login');
    const input = { exchange: exchange({ url: AJAX_URL, requestHeaders: sessionSent, body }) };
    expect(findingOf(input, 'totara.ajax.not-logged-in').title).toMatch(/expired/);
  });

  it('says a pasted browser session has ended and that only a fresh paste helps', () => {
    const auth = { type: 'browserSession' as const, credentialLabel: 'Learn (Chrome)', steps: [] };
    const ended = {
      exchange: exchange({
        url: AJAX_URL,
        requestHeaders: sessionSent,
        body: badSesskey('require_login'),
        auth,
      }),
    };
    const finding = findingOf(ended, 'totara.ajax.not-logged-in');
    expect(finding.title).toBe('The pasted browser session has expired');
    expect(finding.explanation).toMatch(
      /^The browser session pasted into Learn \(Chrome\) has expired or its sesskey is no longer valid/,
    );
    expect(finding.fix).toMatch(
      /^Copy a fresh "Copy as cURL" from the logged-in browser and paste it into Learn/,
    );
    const stale = {
      exchange: exchange({
        url: AJAX_URL,
        requestHeaders: sessionSent,
        body: badSesskey('require_refresh'),
        auth,
      }),
    };
    expect(findingOf(stale, 'totara.ajax.sesskey').title).toBe('The pasted sesskey is no longer valid');
    const noSesskey = {
      exchange: exchange({
        url: AJAX_URL,
        requestHeaders: [JSON_SENT, ['Cookie', 'TotaraSession=••••8f2a']],
        body: badSesskey('require_refresh'),
        auth,
      }),
    };
    expect(findingOf(noSesskey, 'totara.ajax.sesskey').title).toBe(
      'The pasted browser session has no sesskey',
    );
  });

  it('explains direct queries, missing keys and a hidden unknown operation', () => {
    const at = (body: string) =>
      idsOf({ exchange: exchange({ url: AJAX_URL, requestHeaders: sessionSent, body }) });
    expect(at(clientSafe('Direct GraphQL queries are not supported, only persistent queries.'))).toEqual([
      'totara.ajax.direct-query',
    ]);
    expect(at(clientSafe('Invalid request, expecting at least operationName and variables'))).toEqual([
      'totara.ajax.missing-keys',
    ]);
    // Not the external API's error-level setting: the AJAX API hides reasons without developer debugging.
    expect(at(bareInternalError)).toEqual(['totara.ajax.internal-error']);
  });

  it('explains the developer endpoint answering an empty 200', () => {
    const url = `${SITE}/totara/webapi/dev_graphql_executor.php`;
    const input = {
      exchange: exchange({
        url,
        requestHeaders: [JSON_SENT],
        headers: [['content-type', 'text/html; charset=utf-8']],
        body: '',
      }),
    };
    expect(idsOf(input)).toEqual(['totara.dev-executor.disabled']);
    const working = exchange({
      url,
      requestHeaders: [JSON_SENT],
      body: '{"data":{"totara_webapi_status":{"status":"ok"}}}',
    });
    expect(idsOf({ exchange: working })).toEqual([]);
  });
});
