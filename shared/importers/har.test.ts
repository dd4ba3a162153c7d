import { describe, expect, it } from 'vitest';
import harText from './fixtures/chrome-app.har?raw';
import { importHar } from './har';
import { reportOf, requestNamed } from './test-support';

const report = reportOf(importHar(harText));
const { root } = report.collection;

describe('importHar on a Chrome HAR', () => {
  it('imports the XHR and fetch entries, one folder per host', () => {
    expect(report.counts).toEqual({ folders: 2, requests: 6, environments: 0 });
    expect(root.folders.map((f) => [f.name, f.requests.map((r) => r.name)])).toEqual([
      [
        'app.example.com',
        ['GET /api/me', 'POST /api/graphql', 'PUT /api/profile', 'POST /api/avatar', 'POST /api/events'],
      ],
      ['api.example.com', ['POST /v2/login']],
    ]);
  });

  it('includes the page, script and image entries when asked', () => {
    const all = reportOf(importHar(harText, { onlyXhr: false }));
    expect(all.counts.requests).toBe(9);
    expect(all.skipped[0]).toBe(
      '1 CORS preflight (OPTIONS) request was left out: browsers send them on their own.',
    );
  });

  it('drops pseudo-headers and content-length; cookies and CSRF headers become one browser session per site', () => {
    const me = requestNamed(root, 'GET /api/me').draft;
    expect(me.headers.map((h) => h.name)).toEqual(['Accept', 'Referer', 'User-Agent', 'X-Requested-With']);
    expect(me.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    // Only the cookie on GET, cookie and CSRF header on PUT: still the one login the browser had.
    const profile = requestNamed(root, 'PUT /api/profile').draft;
    expect(profile.headers.map((h) => h.name)).toEqual(['content-type']);
    expect(profile.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    expect(JSON.stringify(report.collection)).not.toContain('9f8e7d6c');
    const graphql = requestNamed(root, 'POST /api/graphql').draft;
    expect(graphql.headers.map((h) => h.name)).toEqual(['accept', 'content-type', 'origin']);
  });

  it('turns a literal Authorization header into a credential', () => {
    const graphql = requestNamed(root, 'POST /api/graphql');
    expect(graphql.draft.auth).toEqual({ type: 'bearer', credentialId: 'bearer-1' });
    expect(report.collection.credentials).toEqual([
      {
        id: 'browser-session-1',
        kind: 'browserSession',
        label: 'Browser session (request "GET /api/me" in app.example.com)',
        // The CSRF header came with a later entry (PUT /api/profile) and was added to the site's session.
        fields: { csrfHeader: 'X-Csrf-Token', siteUrl: 'https://app.example.com' },
        secretLeftOut: true,
      },
      {
        id: 'bearer-1',
        kind: 'bearer',
        label: 'Bearer token (request "POST /api/graphql" in app.example.com)',
        fields: {},
        secretLeftOut: true,
      },
    ]);
    expect(JSON.stringify(report.collection)).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });

  it('chooses the body mode by MIME type', () => {
    expect(requestNamed(root, 'POST /api/graphql').draft.body).toEqual({
      mode: 'graphql',
      query: 'query Courses($first: Int) { courses(first: $first) { id name } }',
      variables: '{\n  "first": 5\n}',
      operationName: 'Courses',
      persisted: false,
    });
    expect(requestNamed(root, 'POST /v2/login').draft.body).toEqual({
      mode: 'form-urlencoded',
      fields: [
        { name: 'username', value: 'ann@example.com', enabled: true },
        { name: 'remember', value: '1', enabled: true },
        { name: 'next', value: '/home', enabled: true },
      ],
    });
    expect(requestNamed(root, 'PUT /api/profile').draft.body).toEqual({
      mode: 'json',
      text: '{"displayName":"Ann O\'Neil"}',
    });
    const avatar = requestNamed(root, 'POST /api/avatar').draft;
    expect(avatar.headers).toEqual([]);
    expect(avatar.body).toEqual({
      mode: 'multipart',
      fields: [
        { kind: 'text', name: 'caption', value: 'Me at the beach', enabled: true },
        { kind: 'file', name: 'file', path: 'beach.jpg', contentType: 'image/jpeg', enabled: true },
      ],
    });
    expect(requestNamed(root, 'POST /api/events').draft.body).toEqual({
      mode: 'raw',
      text: 'page_view /dashboard',
      contentType: 'text/plain;charset=UTF-8',
    });
  });

  it('reports the cookie, the token, the file and what it filtered out', () => {
    expect(report.skipped).toEqual([
      '3 entries that the page loaded itself (documents, scripts, styles, images…) were left out: only XHR and fetch requests were imported. Import again with "only XHR/fetch" off to include them.',
      '1 CORS preflight (OPTIONS) request was left out: browsers send them on their own.',
      'The Authorization header of request "POST /api/graphql" in app.example.com held a Bearer credential: it became the request\'s auth, and its secret was left out. Enter it again in Lantern.',
      'Form field "file" of request "POST /api/avatar" in app.example.com sends the file beach.jpg: the path was kept, but the file itself is not part of the export. Check that it exists on this computer.',
      'The Cookie and X-Csrf-Token headers of 2 requests (GET /api/me, PUT /api/profile) held a browser session, a secret: they were left out, and those requests use a browser-session credential instead (unless they had their own auth). Paste a fresh "Copy as cURL" from the browser into it to fill it in.',
    ]);
  });
});

describe('importHar errors', () => {
  it.each([
    ['{"log": {"version": "1.2", "entries": []}}', /holds no requests/],
    ['{"entries": []}', /not a HAR file: it has no "log"/],
    [
      '{"log": {"entries": [{"request": {}}]}}',
      /entry Lantern cannot read \(at log\.entries\[0\]\.request\.method/,
    ],
    ['not json', /not valid JSON.*Save all as HAR/],
  ])('%#', (text, message) => {
    expect(importHar(text)).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });
});

/** Two AJAX calls on one Moodle site: a cookie was added between them, the sesskey is in the query. */
function moodleHar(): string {
  const entry = (cookie: string, info: string) => ({
    _resourceType: 'xhr',
    request: {
      method: 'POST',
      url: `https://learn.example.com/lib/ajax/service.php?sesskey=Qz7pLm2XkW&info=${info}`,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Cookie', value: cookie },
      ],
      postData: { mimeType: 'application/json', text: `[{"index":0,"methodname":"${info}","args":{}}]` },
    },
  });
  return JSON.stringify({
    log: {
      version: '1.2',
      entries: [
        entry('MoodleSession=7f3kq0vd2m9c', 'core_fetch_notifications'),
        entry('MoodleSession=7f3kq0vd2m9c; MOODLEID1_=%25F0', 'core_message_get_unread_count'),
      ],
    },
  });
}

describe('importHar of a Moodle session with the sesskey in the query', () => {
  const moodle = reportOf(importHar(moodleHar()));
  const requests = moodle.collection.root.requests;

  it('asks for one browser session per site, however many cookie strings the entries carried', () => {
    expect(moodle.collection.credentials).toEqual([
      expect.objectContaining({ id: 'browser-session-1', fields: { siteUrl: 'https://learn.example.com' } }),
    ]);
    for (const request of requests)
      expect(request.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
  });

  it('keeps the sesskey out of URLs, names and the report; the parameter stays, empty', () => {
    expect(requests.map((r) => r.name)).toEqual(['POST /lib/ajax/service.php', 'POST /lib/ajax/service.php']);
    expect(requests[0]?.draft.url).toBe(
      'https://learn.example.com/lib/ajax/service.php?sesskey=&info=core_fetch_notifications',
    );
    const everything = JSON.stringify(moodle);
    expect(everything).not.toContain('Qz7pLm2XkW');
    expect(everything).not.toContain('7f3kq0vd2m9c');
    expect(moodle.skipped.at(-1)).toMatch(
      /^The Cookie header and the sesskey in the address of 2 requests .* held a browser session/,
    );
  });
});
