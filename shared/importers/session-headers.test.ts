import { describe, expect, it } from 'vitest';
import chromeBash from '../curl/fixtures/chrome-totara-ajax.bash.txt?raw';
import chromeCmd from '../curl/fixtures/chrome-totara-ajax.cmd.txt?raw';
import firefoxBash from '../curl/fixtures/firefox-totara-ajax.bash.txt?raw';
import { toPostman } from '../export/to-postman';
import { importCurl } from './curl';
import { importInsomnia } from './insomnia';
import { importPostman } from './postman';
import { reportOf } from './test-support';

const SECRETS = ['5q0hv2n8c1kd4lqe7rbbg1dq2m', 'Xq9TzP2mKd', '%25D1%25A7'];

describe('cURL import of a browser session', () => {
  it.each([
    ['Chrome bash (-b)', chromeBash],
    ['Chrome cmd (-b)', chromeCmd],
    ['Firefox bash (-H Cookie)', firefoxBash],
  ])('%s: the cookie and sesskey become a browser-session need', (_name, text) => {
    const report = reportOf(importCurl(text));
    const request = report.collection.root.requests[0];
    expect(request?.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    expect(request?.inheritAuth).toBe(false);
    expect(request?.draft.headers.map((h) => h.name.toLowerCase())).not.toContain('cookie');
    expect(request?.draft.headers.map((h) => h.name.toLowerCase())).not.toContain('x-totara-sesskey');
    expect(report.collection.credentials).toEqual([
      {
        id: 'browser-session-1',
        kind: 'browserSession',
        label: 'Browser session (request "POST /totara/webapi/ajax.php")',
        fields: { csrfHeader: 'X-Totara-Sesskey', siteUrl: 'https://learn.example.com' },
        secretLeftOut: true,
      },
    ]);
    expect(report.skipped).toContain(
      'The Cookie and X-Totara-Sesskey headers of request "POST /totara/webapi/ajax.php" held a browser session, a secret: they were left out of the request, which now uses a browser-session credential instead. Paste a fresh "Copy as cURL" from the browser into that credential to fill it in.',
    );
    for (const secret of SECRETS) expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('lifts a sesskey out of the query, and out of the name, even when the request has its own auth', () => {
    const url =
      'https://learn.example.com/lib/ajax/service.php?sesskey=Qz7pLm2XkW&info=core_fetch_notifications';
    const session = reportOf(importCurl(`curl '${url}' -b 'MoodleSession=7f3kq0vd2m9c'`));
    const request = session.collection.root.requests[0];
    expect(request?.name).toBe('GET /lib/ajax/service.php');
    expect(request?.draft.url).toBe(url.replace('Qz7pLm2XkW', ''));
    expect(request?.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    expect(session.skipped.join(' ')).toMatch(
      /^The Cookie header and the sesskey in the address of request .* The empty sesskey parameter is filled from it when you send\.$/,
    );
    const bearer = reportOf(
      importCurl(`curl '${url}' -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x'`),
    );
    expect(bearer.collection.root.requests[0]?.draft.url).toBe(url.replace('Qz7pLm2XkW', ''));
    expect(bearer.skipped).toContain(
      'Request "GET /lib/ajax/service.php" has its own auth, so the sesskey in the address it also carried (a browser session, which is a secret) was left out.',
    );
    for (const text of [JSON.stringify(session), JSON.stringify(bearer)]) {
      expect(text).not.toContain('Qz7pLm2XkW');
      expect(text).not.toContain('7f3kq0vd2m9c');
    }
  });

  it('round-trips through the Postman export to the same collection', () => {
    const first = reportOf(importCurl(chromeBash)).collection;
    const exported = toPostman(first);
    expect(exported.json).toContain('"value": "{{session_cookie}}"');
    expect(exported.json).toContain('"key": "X-Totara-Sesskey",\n\t\t\t\t\t\t"value": "{{sesskey}}"');
    const second = reportOf(importPostman(exported.json)).collection;
    expect(second.root.requests[0]?.draft).toEqual(first.root.requests[0]?.draft);
    expect(second.credentials).toEqual(first.credentials.map((c) => ({ ...c, secretLeftOut: false })));
  });
});

describe('Postman and Insomnia requests with a literal Cookie or sesskey header', () => {
  const postman = (auth?: unknown) =>
    JSON.stringify({
      info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Status',
          request: {
            method: 'POST',
            url: 'https://learn.example.com/totara/webapi/ajax.php',
            ...(auth ? { auth } : {}),
            header: [
              { key: 'Cookie', value: 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m' },
              { key: 'X-Totara-Sesskey', value: 'Xq9TzP2mKd' },
              { key: 'Accept', value: 'application/json' },
            ],
          },
        },
      ],
    });

  it('Postman: they become the request auth', () => {
    const report = reportOf(importPostman(postman()));
    const request = report.collection.root.requests[0];
    expect(request?.draft.headers).toEqual([{ name: 'Accept', value: 'application/json', enabled: true }]);
    expect(request?.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    for (const secret of SECRETS) expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('Postman: with its own auth they are only dropped, and that is said', () => {
    const report = reportOf(
      importPostman(postman({ type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] })),
    );
    const request = report.collection.root.requests[0];
    expect(request?.draft.auth).toEqual({ type: 'bearer', credentialId: 'bearer-1' });
    expect(report.collection.credentials.map((c) => c.kind)).toEqual(['bearer']);
    expect(report.skipped).toContain(
      'Request "Status" has its own auth, so the Cookie and X-Totara-Sesskey headers it also carried (a browser session, which is a secret) were left out.',
    );
    for (const secret of SECRETS) expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('keeps {{variable}} headers as they are', () => {
    const text = postman().replace('TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m', '{{cookie}}');
    const request = reportOf(importPostman(text.replace('Xq9TzP2mKd', '{{sesskey}}'))).collection.root
      .requests[0];
    expect(request?.draft.auth).toEqual({ type: 'none' });
    expect(request?.draft.headers.map((h) => h.value)).toEqual([
      '{{cookie}}',
      '{{sesskey}}',
      'application/json',
    ]);
  });

  it('Insomnia: the same', () => {
    const text = JSON.stringify({
      _type: 'export',
      __export_format: 4,
      resources: [
        { _id: 'wrk_1', _type: 'workspace', name: 'W' },
        {
          _id: 'req_1',
          _type: 'request',
          parentId: 'wrk_1',
          name: 'Status',
          method: 'POST',
          url: 'https://learn.example.com/totara/webapi/ajax.php',
          headers: [
            { name: 'cookie', value: 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m' },
            { name: 'x-totara-sesskey', value: 'Xq9TzP2mKd' },
          ],
        },
      ],
    });
    const report = reportOf(importInsomnia(text));
    expect(report.collection.credentials).toMatchObject([
      {
        kind: 'browserSession',
        fields: { csrfHeader: 'X-Totara-Sesskey', siteUrl: 'https://learn.example.com' },
      },
    ]);
    for (const secret of SECRETS) expect(JSON.stringify(report)).not.toContain(secret);
  });
});
