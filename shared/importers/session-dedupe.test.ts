import { describe, expect, it } from 'vitest';
import { toPostman } from '../export/to-postman';
import type { Collection } from '../model/collection';
import { importHar } from './har';
import { ImportContext } from './import-context';
import { importInsomnia } from './insomnia';
import { importPostman } from './postman';
import { reportOf } from './test-support';

const SITE = 'https://learn.example.com';
const ADMIN = 'MoodleSession=adm1n5e55i0n';
const LEARNER = 'MoodleSession=l3arn3r5e55';

const postmanOf = (items: unknown[]) =>
  JSON.stringify({
    info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: items,
  });

const postmanRequest = (name: string, cookie: string) => ({
  name,
  request: {
    method: 'POST',
    url: `${SITE}/totara/webapi/ajax.php`,
    header: [
      { key: 'Cookie', value: cookie },
      { key: 'X-Totara-Sesskey', value: `${name}-sesskey` },
    ],
  },
});

describe('Postman and Insomnia: two sessions on one site stay two credentials', () => {
  it('Postman: an admin and a learner request', () => {
    const report = reportOf(
      importPostman(
        postmanOf([
          postmanRequest('admin', ADMIN),
          postmanRequest('learner', LEARNER),
          { ...postmanRequest('admin', ADMIN), name: 'Admin again' },
        ]),
      ),
    );
    const [admin, learner, again] = report.collection.root.requests;
    expect(report.collection.credentials.map((c) => c.id)).toEqual([
      'browser-session-1',
      'browser-session-2',
    ]);
    expect(admin?.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-1' });
    expect(learner?.draft.auth).toEqual({ type: 'browserSession', credentialId: 'browser-session-2' });
    // The same cookie and sesskey are the same session.
    expect(again?.draft.auth).toEqual(admin?.draft.auth);
    expect(JSON.stringify(report)).not.toMatch(/adm1n5e55i0n|l3arn3r5e55/);
  });

  it('Insomnia: an admin and a learner request', () => {
    const request = (id: string, cookie: string) => ({
      _id: id,
      _type: 'request',
      parentId: 'wrk_1',
      name: id,
      method: 'GET',
      url: `${SITE}/my/`,
      headers: [{ name: 'Cookie', value: cookie }],
    });
    const text = JSON.stringify({
      _type: 'export',
      __export_format: 4,
      resources: [
        { _id: 'wrk_1', _type: 'workspace', name: 'W' },
        request('req_admin', ADMIN),
        request('req_learner', LEARNER),
      ],
    });
    const report = reportOf(importInsomnia(text));
    expect(report.collection.credentials).toHaveLength(2);
    expect(report.collection.root.requests.map((r) => r.draft.auth)).toEqual([
      { type: 'browserSession', credentialId: 'browser-session-1' },
      { type: 'browserSession', credentialId: 'browser-session-2' },
    ]);
  });

  it("Lantern's own export of two sessions ({{session_cookie}}, {{session_cookie_2}}) reads back as two", () => {
    const need = (id: string) => ({
      id,
      kind: 'browserSession' as const,
      label: id,
      fields: { csrfHeader: 'X-Totara-Sesskey', siteUrl: SITE },
      secretLeftOut: false,
    });
    const request = (id: string, credentialId: string) => ({
      id,
      name: id,
      inheritAuth: false,
      draft: {
        method: 'POST',
        url: `${SITE}/totara/webapi/ajax.php`,
        headers: [],
        body: { mode: 'none' as const },
        auth: { type: 'browserSession' as const, credentialId },
      },
    });
    const collection: Collection = {
      name: 'Two logins',
      root: {
        id: 'root',
        name: 'Two logins',
        folders: [],
        requests: [request('admin', 'browser-session-1'), request('learner', 'browser-session-2')],
      },
      environments: [],
      credentials: [need('browser-session-1'), need('browser-session-2')],
    };
    const exported = toPostman(collection).json;
    expect(exported).toContain('{{session_cookie_2}}');
    expect(exported).toContain('{{sesskey_2}}');
    const back = reportOf(importPostman(exported)).collection;
    expect(back.credentials.map((c) => c.id)).toEqual(['browser-session-1', 'browser-session-2']);
    expect(back.root.requests.map((r) => r.draft.auth)).toEqual(
      collection.root.requests.map((r) => r.draft.auth),
    );
  });
});

describe('HAR: one browser session per site', () => {
  const entry = (method: string, url: string, headers: { name: string; value: string }[]) => ({
    _resourceType: 'fetch',
    request: { method, url, headers },
  });

  it('a page with only the cookie and an AJAX call with cookie and sesskey give one need, with the CSRF header', () => {
    const text = JSON.stringify({
      log: {
        entries: [
          entry('GET', `${SITE}/my/`, [{ name: 'Cookie', value: 'TotaraSession=5q0hv2n8c1kd' }]),
          entry('POST', `${SITE}/totara/webapi/ajax.php`, [
            { name: 'Cookie', value: 'TotaraSession=5q0hv2n8c1kd; lang=en' },
            { name: 'X-Totara-Sesskey', value: 'Xq9TzP2mKd' },
          ]),
          entry('GET', 'https://other.example.com/api/me', [{ name: 'Cookie', value: 'sid=o7h3r' }]),
        ],
      },
    });
    const report = reportOf(importHar(text));
    expect(report.collection.credentials).toEqual([
      {
        id: 'browser-session-1',
        kind: 'browserSession',
        label: 'Browser session (request "GET /my/" in learn.example.com)',
        fields: { csrfHeader: 'X-Totara-Sesskey', siteUrl: SITE },
        secretLeftOut: true,
      },
      expect.objectContaining({ id: 'browser-session-2', fields: { siteUrl: 'https://other.example.com' } }),
    ]);
    expect(JSON.stringify(report)).not.toMatch(/5q0hv2n8c1kd|Xq9TzP2mKd|o7h3r/);
  });
});

describe('ImportContext.credential for browser sessions', () => {
  const found = (cookie: string, csrfHeader?: string) => ({
    kind: 'browserSession' as const,
    fields: { siteUrl: SITE, ...(csrfHeader ? { csrfHeader } : {}) },
    secrets: [cookie],
  });

  it('per site: merges the CSRF header of a later session into the first need', () => {
    const ctx = new ImportContext({ sessionPerSite: true });
    ctx.credential(found('{{cookie}}'), 'a');
    ctx.credential(found(ADMIN, 'X-Totara-Sesskey'), 'b');
    expect(ctx.credentials).toEqual([
      {
        id: 'browser-session-1',
        kind: 'browserSession',
        label: 'Browser session (a)',
        fields: { csrfHeader: 'X-Totara-Sesskey', siteUrl: SITE },
        secretLeftOut: true,
      },
    ]);
  });

  it('by default: told apart by their secrets', () => {
    const ctx = new ImportContext();
    ctx.credential(found(ADMIN), 'a');
    ctx.credential(found(LEARNER), 'b');
    ctx.credential(found(ADMIN), 'c');
    expect(ctx.credentials.map((c) => c.label)).toEqual(['Browser session (a)', 'Browser session (b)']);
  });
});
