import { describe, expect, it } from 'vitest';
import harText from '../importers/fixtures/chrome-app.har?raw';
import insomniaText from '../importers/fixtures/insomnia-v4.json?raw';
import postmanText from '../importers/fixtures/postman-collection.json?raw';
import environmentText from '../importers/fixtures/postman-environment.json?raw';
import { importCurl, importHar, importInsomnia, importPostman, type ImportResult } from '../importers';
import type { Collection, Folder } from '../model/collection';
import { isLanternEnvironmentFile, toPostman } from './to-postman';

function collectionOf(result: ImportResult): Collection {
  if (!result.ok) throw new Error(result.error);
  return result.report.collection;
}

/** Postman folders hold no headers: the export copies them onto each request, as a sender would. */
function pushFolderHeadersDown(folder: Folder, inherited: Folder['headers'] = []): Folder {
  const headers = [...inherited, ...(folder.headers ?? [])];
  const { headers: _dropped, ...rest } = folder;
  return {
    ...rest,
    folders: folder.folders.map((child) => pushFolderHeadersDown(child, headers)),
    requests: folder.requests.map((request) => {
      const own = new Set(request.draft.headers.map((h) => h.name.toLowerCase()));
      const carried = headers.filter((h) => !own.has(h.name.toLowerCase()));
      return { ...request, draft: { ...request.draft, headers: [...carried, ...request.draft.headers] } };
    }),
  };
}

/**
 * What a round trip may change: folder headers move onto requests, and a credential whose
 * secret was left out comes back taking it from a `{{placeholder}}`, so nothing is left out any more;
 * tests and captures are left out (and the export says so).
 */
function normalise(collection: Collection): Collection {
  return {
    ...collection,
    root: withoutChecks(pushFolderHeadersDown(collection.root)),
    credentials: collection.credentials.map(({ secretReference: _reference, ...c }) => ({
      ...c,
      secretLeftOut: false,
    })),
  };
}

/** Tests and captures are not written to Postman (the export says so): compared without them. */
function withoutChecks({ tests: _tests, ...folder }: Folder): Folder {
  return {
    ...folder,
    folders: folder.folders.map(withoutChecks),
    requests: folder.requests.map((request) => {
      const { tests: _t, captures: _c, ...draft } = request.draft;
      return { ...request, draft };
    }),
  };
}

function roundTrip(collection: Collection): Collection {
  const exported = toPostman(collection);
  return collectionOf(
    importPostman(
      exported.json,
      exported.environments.map((e) => e.json),
    ),
  );
}

describe('import → toPostman → import is stable', () => {
  it.each<[string, () => ImportResult]>([
    ['the Postman fixture', () => importPostman(postmanText, [environmentText])],
    ['the Insomnia fixture', () => importInsomnia(insomniaText)],
    ['the HAR fixture', () => importHar(harText)],
  ])('%s', (_name, load) => {
    const first = collectionOf(load());
    const second = roundTrip(first);
    expect(normalise(second)).toEqual(normalise(first));
    // A second trip changes nothing at all.
    expect(roundTrip(second)).toEqual(second);
  });
});

describe('toPostman', () => {
  const collection = collectionOf(importPostman(postmanText, [environmentText]));
  const exported = toPostman(collection);
  const document = JSON.parse(exported.json) as Record<string, unknown>;

  it('writes a v2.1 collection with placeholders, never secrets', () => {
    expect(document.info).toMatchObject({
      name: 'Acme Learning API',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    });
    expect(document.auth).toEqual({
      type: 'oauth2',
      oauth2: [
        { key: 'grant_type', value: 'client_credentials', type: 'string' },
        { key: 'accessTokenUrl', value: '{{base_url}}/oauth2/token', type: 'string' },
        { key: 'clientId', value: 'lantern-reporting', type: 'string' },
        { key: 'clientSecret', value: '{{client_secret}}', type: 'string' },
        { key: 'scope', value: 'read:users write:users', type: 'string' },
        { key: 'client_authentication', value: 'header', type: 'string' },
        { key: 'addTokenTo', value: 'header', type: 'string' },
      ],
    });
    for (const secret of [
      's3cr3t-Client-Value',
      'hunter2',
      'eyJhbGciOiJIUzI1NiJ9',
      'usage-7c1f9a2b44',
      'ak_live_51HxQe2',
    ]) {
      expect(exported.json).not.toContain(secret);
    }
    expect(exported.json).toContain('"value": "{{access_token}}"');
    expect(exported.json).toContain('"value": "{{password}}"');
    expect(exported.json).toContain('"value": "{{api_key_2}}"');
  });

  it('writes secret variables empty and environments as their own files', () => {
    expect(document.variable).toContainEqual({ key: 'api_key', value: '', type: 'secret' });
    expect(exported.environments.map((e) => e.name)).toEqual(['Acme Staging']);
    expect(JSON.parse(exported.environments[0]?.json ?? '{}')).toMatchObject({
      name: 'Acme Staging',
      values: expect.arrayContaining([{ key: 'user_token', value: '', type: 'secret', enabled: true }]),
    });
  });

  it('says how folder headers were carried', () => {
    const insomnia = toPostman(collectionOf(importInsomnia(insomniaText)));
    expect(insomnia.warnings).toEqual([
      'Folder "Courses" sets 1 header; Postman folders cannot hold headers, so each of its requests carries them.',
    ]);
  });
});

describe('toPostman of a folder-level browser session', () => {
  const request = (id: string, inheritAuth: boolean) => ({
    id,
    name: id,
    inheritAuth,
    draft: {
      method: 'POST',
      url: 'https://learn.example.com/totara/webapi/ajax.php',
      headers: [],
      body: { mode: 'none' as const },
      auth: { type: 'none' as const },
    },
  });
  const collection: Collection = {
    name: 'Learn',
    root: {
      id: 'root',
      name: 'Learn',
      auth: { type: 'browserSession', credentialId: 'bs' },
      folders: [{ id: 'f', name: 'Courses', folders: [], requests: [request('inherits', true)] }],
      requests: [request('own-none', false)],
    },
    environments: [],
    credentials: [
      {
        id: 'bs',
        kind: 'browserSession',
        label: 'Browser session',
        fields: { siteUrl: 'https://learn.example.com', csrfHeader: 'X-Csrf-Token' },
        secretLeftOut: true,
      },
    ],
  };
  type Item = { name: string; item?: Item[]; request?: { header: { key: string; value: string }[] } };
  const items = (JSON.parse(toPostman(collection).json) as { item: Item[] }).item;

  it('gives a request that inherits it the CSRF header, from the credential', () => {
    const inherits = items[0]?.item?.[0];
    expect(inherits?.request?.header).toEqual([{ key: 'X-Csrf-Token', value: '{{sesskey}}', type: 'text' }]);
  });

  it('gives none to a request that does not inherit auth', () => {
    expect(items[1]?.request?.header).toEqual([]);
  });
});

describe('toPostman of a Moodle AJAX call with the sesskey in the address', () => {
  const curl = (cookie: string) =>
    `curl 'https://learn.example.com/lib/ajax/service.php?sesskey=Qz7pLm2XkW&info=core_fetch_notifications' -b '${cookie}'`;
  type Url = { raw: string; query: { key: string; value: string | null }[] };
  const urls = (json: string) =>
    (JSON.parse(json) as { item: { request: { url: Url } }[] }).item.map((i) => i.request.url);

  it("fills the empty sesskey with the session's {{sesskey}}, and reads back to the same collection", () => {
    const first = collectionOf(importCurl(curl('MoodleSession=7f3kq0vd2m9c')));
    expect(first.root.requests[0]?.draft.url).toContain('?sesskey=&info=');
    const exported = toPostman(first).json;
    const [address] = urls(exported);
    expect(address?.raw).toBe(
      'https://learn.example.com/lib/ajax/service.php?sesskey={{sesskey}}&info=core_fetch_notifications',
    );
    expect(address?.query[0]).toEqual({ key: 'sesskey', value: '{{sesskey}}' });
    const second = collectionOf(importPostman(exported));
    expect(second.root.requests[0]?.draft).toEqual(first.root.requests[0]?.draft);
    expect(second.credentials).toEqual(first.credentials.map((c) => ({ ...c, secretLeftOut: false })));
    expect(toPostman(second).json).toBe(exported);
  });

  it("uses the second session's {{sesskey_2}}; a request with other auth keeps the parameter empty", () => {
    const one = collectionOf(importCurl(curl('MoodleSession=aaa'))).root.requests[0];
    if (!one) throw new Error('no request');
    const collection: Collection = {
      ...minimal(),
      root: {
        id: 'r',
        name: 'C',
        folders: [],
        requests: [
          one,
          {
            ...one,
            id: 'two',
            draft: { ...one.draft, auth: { type: 'browserSession', credentialId: 'bs2' } },
          },
          { ...one, id: 'three', draft: { ...one.draft, auth: { type: 'bearer', credentialId: 'b' } } },
        ],
      },
      credentials: [
        { id: 'browser-session-1', kind: 'browserSession', label: 'A', fields: {}, secretLeftOut: true },
        { id: 'bs2', kind: 'browserSession', label: 'B', fields: {}, secretLeftOut: true },
        { id: 'b', kind: 'bearer', label: 'T', fields: {}, secretLeftOut: true },
      ],
    };
    expect(urls(toPostman(collection).json).map((u) => u.query[0]?.value)).toEqual([
      '{{sesskey}}',
      '{{sesskey_2}}',
      '',
    ]);
  });
});

describe('isLanternEnvironmentFile', () => {
  it.each([
    [
      'Lantern export',
      toPostman({ ...minimal(), environments: [{ name: 'E', variables: [] }] }).environments[0]?.json,
      true,
    ],
    ['Postman export', '{"name":"E","values":[],"_postman_exported_using":"Postman/11.2.0"}', false],
    ['no marker', '{"name":"E","values":[]}', false],
    ['not JSON', 'mine, keep me', false],
    ['JSON null', 'null', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(isLanternEnvironmentFile(text ?? '')).toBe(expected);
  });
});

function minimal(): Collection {
  return {
    name: 'C',
    root: { id: 'r', name: 'C', folders: [], requests: [] },
    environments: [],
    credentials: [],
  };
}

describe('an OAuth 2 client made in Lantern', () => {
  const lanternClient = (clientAuth: 'body' | 'basic'): Collection => ({
    name: 'Totara',
    environments: [],
    credentials: [
      {
        id: 'cred_totara',
        kind: 'oauth2',
        label: 'Totara client',
        fields: {
          tokenUrl: 'https://lms.example.com/totara/oauth2/token.php',
          clientId: 'integration',
          scope: '',
          audience: '',
          clientAuth,
        },
        secretLeftOut: true,
      },
    ],
    root: {
      id: 'root',
      name: 'Totara',
      auth: { type: 'oauth2', credentialId: 'cred_totara' },
      folders: [],
      requests: [],
    },
  });

  it.each([
    ['body', 'body'],
    ['basic', 'header'],
  ] as const)(
    'is exported as client credentials with its client authentication (%s → %s), and comes back',
    (clientAuth, postman) => {
      const exported = JSON.parse(toPostman(lanternClient(clientAuth)).json) as {
        auth: { oauth2: { key: string; value: string }[] };
      };
      const block = Object.fromEntries(exported.auth.oauth2.map((p) => [p.key, p.value]));
      expect(block).toEqual({
        grant_type: 'client_credentials',
        accessTokenUrl: 'https://lms.example.com/totara/oauth2/token.php',
        clientId: 'integration',
        clientSecret: '{{client_secret}}',
        client_authentication: postman,
        addTokenTo: 'header',
      });
      const back = roundTrip(lanternClient(clientAuth)).credentials[0];
      expect(back?.fields).toMatchObject({
        grantType: 'client_credentials',
        tokenUrl: 'https://lms.example.com/totara/oauth2/token.php',
        clientId: 'integration',
        clientAuth,
      });
    },
  );

  it('exports the client authentication the user chose, not the one an import kept', () => {
    const edited = lanternClient('body');
    const credential = edited.credentials[0];
    if (credential) credential.fields.clientAuthentication = 'header';
    const exported = JSON.parse(toPostman(edited).json) as {
      auth: { oauth2: { key: string; value: string }[] };
    };
    const block = Object.fromEntries(exported.auth.oauth2.map((p) => [p.key, p.value]));
    expect(block.client_authentication).toBe('body');
  });
});
