import { describe, expect, it } from 'vitest';
import { requestName } from './import-context';
import { importInsomnia } from './insomnia';
import { importPostman } from './postman';
import { reportOf } from './test-support';

const SESSKEY = 'Kd9xQ2mP7z';
const AJAX = `https://learn.example.com/lib/ajax/service.php?sesskey=${SESSKEY}&info=core_fetch_notifications`;

const insomnia = (request: Record<string, unknown>) =>
  JSON.stringify({
    _type: 'export',
    __export_format: 4,
    resources: [
      { _id: 'wrk_1', _type: 'workspace', name: 'W' },
      { _id: 'req_1', _type: 'request', parentId: 'wrk_1', method: 'POST', ...request },
    ],
  });

const postman = (url: unknown) =>
  JSON.stringify({
    info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [{ name: 'Notifications', request: { method: 'GET', url } }],
  });

describe('Insomnia request with the sesskey in its address', () => {
  it('an unnamed one keeps the sesskey out of its URL and its name', () => {
    const report = reportOf(
      importInsomnia(
        insomnia({ url: AJAX, headers: [{ name: 'Cookie', value: 'MoodleSession=7f3kq0vd2m9c' }] }),
      ),
    );
    const request = report.collection.root.requests[0];
    expect(request?.name).toBe('POST /lib/ajax/service.php');
    expect(request?.draft.url).toBe(AJAX.replace(SESSKEY, ''));
    expect(request?.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    expect(report.skipped.join(' ')).toMatch(
      /sesskey in the address of request "POST \/lib\/ajax\/service\.php"/,
    );
    expect(JSON.stringify(report)).not.toContain(SESSKEY);
    expect(JSON.stringify(report)).not.toContain('7f3kq0vd2m9c');
  });

  it('a switched-off sesskey parameter keeps its name and place, not its value', () => {
    const report = reportOf(
      importInsomnia(
        insomnia({
          name: 'Notifications',
          url: 'https://learn.example.com/lib/ajax/service.php?info=core_fetch_notifications',
          parameters: [
            { name: 'sesskey', value: SESSKEY, disabled: true },
            { name: 'api_key', value: '{{ _.api_key }}', disabled: true },
            { name: 'lang', value: 'en', disabled: true },
          ],
        }),
      ),
    );
    expect(report.collection.root.requests[0]?.draft.disabledParams).toEqual([
      { name: 'sesskey', value: '', index: 1 },
      { name: 'api_key', value: '{{api_key}}', index: 2 },
      { name: 'lang', value: 'en', index: 3 },
    ]);
    expect(report.skipped).toContain(
      'The switched-off query parameter "sesskey" of request "Notifications" held a secret, so it was kept without its value: enter the value again if you switch it on.',
    );
    expect(JSON.stringify(report)).not.toContain(SESSKEY);
  });

  it('an unnamed request with a template address is named by it, query left out', () => {
    const report = reportOf(importInsomnia(insomnia({ url: '{{ _.base_url }}/api/me?token=abc123' })));
    expect(report.collection.root.requests[0]?.name).toBe('POST {{base_url}}/api/me');
  });
});

describe('Postman request with a switched-off sesskey parameter', () => {
  it('keeps its name and place, not its value', () => {
    const report = reportOf(
      importPostman(
        postman({
          raw: 'https://learn.example.com/lib/ajax/service.php?info=core_fetch_notifications',
          query: [
            { key: 'sesskey', value: SESSKEY, disabled: true },
            { key: 'info', value: 'core_fetch_notifications' },
            { key: 'page', value: '2', disabled: true },
          ],
        }),
      ),
    );
    expect(report.collection.root.requests[0]?.draft.disabledParams).toEqual([
      { name: 'sesskey', value: '', index: 0 },
      { name: 'page', value: '2', index: 2 },
    ]);
    expect(report.skipped).toContain(
      'The switched-off query parameter "sesskey" of request "Notifications" held a secret, so it was kept without its value: enter the value again if you switch it on.',
    );
    expect(JSON.stringify(report)).not.toContain(SESSKEY);
  });
});

describe('requestName', () => {
  it.each([
    ['https://learn.example.com/lib/ajax/service.php?sesskey=x', 'GET /lib/ajax/service.php'],
    ['https://learn.example.com', 'GET /'],
    ['{{base_url}}/api/me?token=x#top', 'GET {{base_url}}/api/me'],
    ['?sesskey=x', 'GET /'],
  ])('%s', (url, name) => {
    expect(requestName('GET', url)).toBe(name);
  });
});
