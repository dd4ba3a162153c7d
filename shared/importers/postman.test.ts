import { describe, expect, it } from 'vitest';
import collectionText from './fixtures/postman-collection.json?raw';
import environmentText from './fixtures/postman-environment.json?raw';
import v1Text from './fixtures/postman-v1-collection.json?raw';
import { importPostman } from './postman';
import { folderNamed, reportOf, requestNamed } from './test-support';

const report = reportOf(importPostman(collectionText, [environmentText]));
const { collection } = report;
const { root } = collection;

describe('importPostman on a v2.1 export', () => {
  it('keeps the tree, counts it, and takes ids from the file', () => {
    expect(report.counts).toEqual({ folders: 3, requests: 13, environments: 1 });
    expect(root.folders.map((f) => f.name)).toEqual(['Users', 'Reports']);
    expect(folderNamed(root, 'Users').folders.map((f) => f.name)).toEqual(['Admin']);
    expect(requestNamed(root, 'Get user').id).toBe('1d5c6b7a-2f3e-4a5b-9c8d-7f6e5d4c3b2a');
    expect(root.description).toContain('users, courses and reports');
    expect(requestNamed(root, 'Health check').description).toBe('Returns **ok** when the API is up.');
  });

  it('turns every auth into a credential reference with only non-secret fields', () => {
    expect(root.auth).toEqual({ type: 'oauth2', credentialId: 'oauth2-1' });
    expect(folderNamed(root, 'Users').auth).toEqual({ type: 'bearer', credentialId: 'bearer-1' });
    expect(folderNamed(root, 'Admin').auth).toEqual({ type: 'basic', credentialId: 'basic-1' });
    expect(folderNamed(root, 'Reports').auth).toEqual({
      type: 'apiKey',
      credentialId: 'api-key-1',
      name: 'X-API-Key',
      in: 'header',
    });
    expect(collection.credentials).toEqual([
      {
        id: 'oauth2-1',
        kind: 'oauth2',
        label: 'OAuth 2.0 (the collection "Acme Learning API")',
        fields: {
          clientAuthentication: 'header',
          clientAuth: 'basic',
          clientId: 'lantern-reporting',
          grantType: 'client_credentials',
          scope: 'read:users write:users',
          tokenUrl: '{{base_url}}/oauth2/token',
        },
        secretLeftOut: true,
      },
      {
        id: 'bearer-1',
        kind: 'bearer',
        label: 'Bearer token (folder "Users")',
        fields: {},
        secretLeftOut: true,
      },
      {
        id: 'basic-1',
        kind: 'basic',
        label: 'Username and password (folder "Admin" in Users)',
        fields: { username: 'admin' },
        secretLeftOut: true,
      },
      // A {{variable}} names where the key lives: nothing secret was in the file.
      {
        id: 'api-key-1',
        kind: 'apiKey',
        label: 'API key (folder "Reports")',
        fields: { in: 'header', name: 'X-API-Key' },
        secretLeftOut: false,
        secretReference: '{{api_key}}',
      },
      {
        id: 'api-key-2',
        kind: 'apiKey',
        label: 'API key (request "Daily usage" in Reports)',
        fields: { in: 'query', name: 'api_key' },
        secretLeftOut: true,
      },
    ]);
  });

  it('never lets a secret value into the collection', () => {
    const text = JSON.stringify(collection);
    for (const secret of [
      's3cr3t-Client-Value',
      'hunter2',
      'q4G5tVnO3zJk',
      'usage-7c1f9a2b44',
      'legacy-pass',
      'wJalrXUtnFEMI',
      'ak_live_51HxQe2',
      '8841',
      'staging-secret-9912',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reuses one credential for the same token in two places', () => {
    expect(requestNamed(root, 'Who am I (user token)').draft.auth).toEqual({
      type: 'bearer',
      credentialId: 'bearer-1',
    });
  });

  it('inherits auth unless the request sets its own or says "no auth"', () => {
    expect(requestNamed(root, 'List users').inheritAuth).toBe(true);
    expect(requestNamed(root, 'Get user')).toMatchObject({
      inheritAuth: false,
      draft: { auth: { type: 'none' } },
    });
    expect(requestNamed(root, 'Legacy report')).toMatchObject({
      inheritAuth: false,
      draft: { auth: { type: 'none' } },
    });
  });

  it('reads every body mode', () => {
    expect(requestNamed(root, 'Create user').draft.body.mode).toBe('json');
    expect(requestNamed(root, 'Reset password').draft.body).toEqual({
      mode: 'form-urlencoded',
      fields: [
        { name: 'username', value: 'zoe', enabled: true },
        { name: 'notify', value: 'email', enabled: false },
        { name: 'reason', value: 'Locked out & forgot', enabled: true },
      ],
    });
    expect(requestNamed(root, 'Upload avatar').draft.body).toEqual({
      mode: 'multipart',
      fields: [
        { kind: 'text', name: 'user_id', value: '42', enabled: true },
        {
          kind: 'file',
          name: 'avatar',
          path: '/Users/ann/Pictures/avatar.png',
          contentType: 'image/png',
          enabled: true,
        },
        { kind: 'text', name: 'crop', value: 'square', enabled: false },
      ],
    });
    expect(requestNamed(root, 'Search courses (GraphQL)').draft.body).toEqual({
      mode: 'graphql',
      query:
        'query SearchCourses($term: String!) {\n  courses(search: $term) {\n    id\n    fullname\n  }\n}',
      variables: '{\n  "term": "safety"\n}',
      operationName: 'SearchCourses',
      persisted: false,
    });
    expect(requestNamed(root, 'Import CSV').draft.body).toEqual({
      mode: 'binary',
      path: '/Users/ann/Downloads/users.csv',
      contentType: 'text/csv',
    });
    expect(requestNamed(root, 'Export XML').draft.body).toMatchObject({
      mode: 'raw',
      contentType: 'application/xml',
    });
  });

  it('keeps disabled headers and params switched off', () => {
    const { draft } = requestNamed(root, 'List users');
    expect(draft.url).toBe('{{base_url}}/users?page=1&per_page={{page_size}}');
    expect(draft.disabledParams).toEqual([{ name: 'include_deleted', value: 'true', index: 1 }]);
    expect(draft.headers).toEqual([
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'X-Debug', value: '1', enabled: false },
    ]);
  });

  it('keeps variables, emptying the secret ones, and reads the environment', () => {
    expect(root.variables).toEqual([
      { name: 'base_url', value: 'https://api.acme.example/v1', secret: false },
      { name: 'page_size', value: '50', secret: false },
      { name: 'api_key', value: '', secret: true },
      { name: 'admin_pin', value: '', secret: true },
    ]);
    expect(folderNamed(root, 'Users').variables).toEqual([
      { name: 'user_role', value: 'learner', secret: false },
    ]);
    expect(collection.environments).toEqual([
      {
        name: 'Acme Staging',
        variables: [
          { name: 'base_url', value: 'https://staging.api.acme.example/v1', secret: false },
          { name: 'page_size', value: '10', secret: false },
          { name: 'user_token', value: '', secret: true },
          { name: 'client_secret', value: '', secret: true },
        ],
      },
    ]);
  });

  it('reports everything it did not carry over, naming where', () => {
    expect(report.skipped).toEqual([
      'Variable "api_key" in the collection "Acme Learning API" holds a secret, so its value was not imported: re-enter it in Lantern, where it is kept in the vault.',
      'Variable "admin_pin" in the collection "Acme Learning API" holds a secret, so its value was not imported: re-enter it in Lantern, where it is kept in the vault.',
      'Variable "old_host" in the collection "Acme Learning API" was switched off, so it was not imported.',
      'The Postman pre-request script of the collection "Acme Learning API" does not run: Lantern runs no scripts, so do by hand what it did before each send; it is kept in the description.',
      'The Postman pre-request script of folder "Users" does not run: Lantern runs no scripts, so do by hand what it did before each send; it is kept in the description.',
      '1 saved response example of request "List users" in Users was not imported.',
      'Request "Get user" in Users uses the path parameter :id (Postman\'s value: "42"). It was kept as typed, and Lantern sends it as is: replace it with a value or with {{id}}.',
      'Request "Create user" in Users uses the dynamic variables {{$guid}}, {{$timestamp}}. The text was kept, but Lantern does not fill these in: replace them with a value or one of your variables.',
      'The Postman pre-request script of folder "Admin" in Users does not run: Lantern runs no scripts, so do by hand what it did before each send; it is kept in the description.',
      'Form field "avatar" of request "Upload avatar" in Users / Admin sends the file /Users/ann/Pictures/avatar.png: the path was kept, but the file itself is not part of the export. Check that it exists on this computer.',
      'Request "Legacy report" in Users / Admin uses Digest auth, which Lantern cannot send, so it was imported without auth. Choose another auth for it, or add the header it needs by hand.',
      'The body of request "Import CSV" in Reports sends the file /Users/ann/Downloads/users.csv: the path was kept, but the file itself is not part of the export. Check that it exists on this computer.',
      'Request "S3 archive" in Reports uses AWS Signature auth, which Lantern cannot send, so it was imported without auth. Choose another auth for it, or add the header it needs by hand.',
      'Variable "user_token" in environment "Acme Staging" holds a secret, so its value was not imported: re-enter it in Lantern, where it is kept in the vault.',
      'Variable "client_secret" in environment "Acme Staging" holds a secret, so its value was not imported: re-enter it in Lantern, where it is kept in the vault.',
      'Variable "debug" in environment "Acme Staging" was switched off, so it was not imported.',
    ]);
  });

  it('gives the same result on every import', () => {
    expect(importPostman(collectionText, [environmentText])).toEqual(
      importPostman(collectionText, [environmentText]),
    );
  });
});

describe('importPostman errors say what to do', () => {
  it.each([
    ['', /nothing to import: the file is empty/],
    ['{"info": ', /not valid JSON .*Collection v2\.1/],
    [v1Text, /old v1 format.*export it again as Collection v2\.1/],
    [environmentText, /Postman environment, not a collection/],
    ['{"hello": "world"}', /not a Postman collection: it has no "info" and "item"/],
    [
      '{"info": {"name": "x"}, "item": [{"request": 42}]}',
      /part Lantern cannot read \(at item\[0\]\.request/,
    ],
  ])('%#', (text, message) => {
    const result = importPostman(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('names a broken environment file', () => {
    const result = importPostman(collectionText, ['nope']);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Environment file 1: This file is not valid JSON/),
    });
  });
});

describe('an OAuth 2 block without client_authentication', () => {
  it('sends the client id and secret as HTTP Basic, as Postman does by default', () => {
    const text = JSON.stringify({
      info: { name: 'Plain', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: {
        type: 'oauth2',
        oauth2: [
          { key: 'grant_type', value: 'client_credentials' },
          { key: 'accessTokenUrl', value: 'https://lms.example.com/oauth2/token' },
          { key: 'clientId', value: 'integration' },
        ],
      },
      item: [],
    });
    const imported = reportOf(importPostman(text, [])).collection;
    expect(imported.credentials[0]?.fields.clientAuth).toBe('basic');
  });
});
