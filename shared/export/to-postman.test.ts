import { describe, expect, it } from 'vitest';
import harText from '../importers/fixtures/chrome-app.har?raw';
import insomniaText from '../importers/fixtures/insomnia-v4.json?raw';
import postmanText from '../importers/fixtures/postman-collection.json?raw';
import environmentText from '../importers/fixtures/postman-environment.json?raw';
import { importHar, importInsomnia, importPostman, type ImportResult } from '../importers';
import type { Collection, Folder } from '../model/collection';
import { toPostman } from './to-postman';

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
 * secret was left out comes back from a `{{placeholder}}`, so nothing is left out any more.
 */
function normalise(collection: Collection): Collection {
  return {
    ...collection,
    root: pushFolderHeadersDown(collection.root),
    credentials: collection.credentials.map((c) => ({ ...c, secretLeftOut: false })),
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
