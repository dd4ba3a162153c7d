import { describe, expect, it } from 'vitest';
import insomniaText from './fixtures/insomnia-v4.json?raw';
import { importInsomnia } from './insomnia';
import { folderNamed, reportOf, requestNamed } from './test-support';

const report = reportOf(importInsomnia(insomniaText));
const { collection } = report;
const { root } = collection;

describe('importInsomnia on a v4 export', () => {
  it('makes the workspace the collection and request groups its folders', () => {
    expect(collection.name).toBe('Totara Mobile API');
    expect(root.id).toBe('wrk_8d4f2a6c0e1b3d5f7a9c2e4b6d8f0a1c');
    expect(report.counts).toEqual({ folders: 2, requests: 8, environments: 2 });
    expect(root.folders.map((f) => f.name)).toEqual(['Courses']);
    expect(folderNamed(root, 'Courses').folders.map((f) => f.name)).toEqual(['Enrolments']);
  });

  it('turns {{ _.name }} into {{name}} everywhere', () => {
    const { draft } = requestNamed(root, 'List courses');
    expect(draft.url).toBe('{{base_url}}/api/{{api_version}}/courses?category={{course_category}}&limit=20');
    expect(draft.disabledParams).toEqual([{ name: 'sort', value: 'fullname', index: 1 }]);
    expect(requestNamed(root, 'Webhook test').draft.body).toEqual({
      mode: 'json',
      text: '{\n  "event": "course_completed",\n  "user": {{user_id}}\n}',
    });
  });

  it('puts folder auth, headers and variables on the folder', () => {
    const courses = folderNamed(root, 'Courses');
    expect(courses.auth).toEqual({ type: 'bearer', credentialId: 'bearer-1' });
    expect(courses.headers).toEqual([{ name: 'X-Client', value: 'lantern-import-test', enabled: true }]);
    expect(courses.variables).toEqual([{ name: 'course_category', value: '3', secret: false }]);
    expect(folderNamed(root, 'Enrolments').auth).toEqual({ type: 'basic', credentialId: 'basic-1' });
    expect(requestNamed(root, 'Enrol user').inheritAuth).toBe(true);
    expect(requestNamed(root, 'Status')).toMatchObject({
      inheritAuth: false,
      draft: { auth: { type: 'none' } },
    });
  });

  it('keeps only non-secret credential fields', () => {
    expect(collection.credentials).toEqual([
      {
        id: 'bearer-1',
        kind: 'bearer',
        label: 'Bearer token (folder "Courses")',
        fields: {},
        secretLeftOut: false,
        secretReference: '{{auth.token}}',
      },
      {
        id: 'basic-1',
        kind: 'basic',
        label: 'Username and password (folder "Enrolments" in Courses)',
        fields: { username: 'enrol-bot' },
        secretLeftOut: true,
      },
      {
        id: 'oauth2-1',
        kind: 'oauth2',
        label: 'OAuth 2.0 (request "Course by id (GraphQL)" in Courses)',
        fields: {
          clientAuthentication: 'body',
          clientAuth: 'body',
          clientId: 'mobile-reporting',
          grantType: 'client_credentials',
          tokenUrl: '{{base_url}}/totara/oauth2/token.php',
        },
        secretLeftOut: true,
      },
      {
        id: 'bearer-2',
        kind: 'bearer',
        label: 'Bearer token (request "Upload package")',
        fields: {},
        secretLeftOut: true,
      },
      {
        id: 'api-key-1',
        kind: 'apiKey',
        label: 'API key (request "Webhook test")',
        fields: { in: 'header', name: 'X-Hook-Key' },
        secretLeftOut: false,
        secretReference: '{{webhook_key}}',
      },
    ]);
    const text = JSON.stringify(collection);
    for (const secret of [
      'P@ssw0rd-enrol',
      '9f8e7d6c5b4a3f2e1d0c',
      'tok_live_9c8b7a6f5e4d',
      'winter2024',
      'tok_base_1a2b3c4d',
      'whk_prod_55aa',
      'f3k2j1h0',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('reads the GraphQL, multipart and file bodies', () => {
    expect(requestNamed(root, 'Course by id (GraphQL)').draft.body).toEqual({
      mode: 'graphql',
      query:
        'query CourseById($id: core_id!) {\n  core_course(courseid: $id) {\n    id\n    fullname\n  }\n}',
      variables: '{\n  "id": "{{course_id}}"\n}',
      operationName: 'CourseById',
      persisted: false,
    });
    const upload = requestNamed(root, 'Upload certificate').draft;
    expect(upload.headers).toEqual([]);
    expect(upload.body).toEqual({
      mode: 'multipart',
      fields: [
        { kind: 'text', name: 'userid', value: '42', enabled: true },
        { kind: 'file', name: 'file', path: '/home/ann/certificates/first-aid.pdf', enabled: true },
      ],
    });
    expect(requestNamed(root, 'Upload package').draft.body).toEqual({
      mode: 'binary',
      path: '/home/ann/build/scorm-package.zip',
      contentType: 'application/zip',
    });
  });

  it('makes the base environment the collection variables and sub-environments the environments', () => {
    expect(root.variables).toEqual([
      { name: 'base_url', value: 'https://learn.example.com', secret: false },
      { name: 'api_version', value: 'v2', secret: false },
      { name: 'course_id', value: '12', secret: false },
      { name: 'user_id', value: '7', secret: false },
      { name: 'auth.token', value: '', secret: true },
    ]);
    expect(collection.environments).toEqual([
      {
        name: 'Production',
        variables: [
          { name: 'base_url', value: 'https://learn.acme.com', secret: false },
          { name: 'webhook_key', value: '', secret: true },
        ],
      },
      { name: 'Local', variables: [{ name: 'base_url', value: 'http://localhost:8080', secret: false }] },
    ]);
  });

  it('reports what it left out', () => {
    expect(report.skipped).toEqual([
      'Variable "auth.token" in the base environment of the collection "Totara Mobile API" holds a secret, so its value was not imported: re-enter it in Lantern, where it is kept in the vault.',
      'Variable "webhook_key" in environment "Production" holds a secret, so its value was not imported: re-enter it in Lantern, where it is kept in the vault.',
      'Form field "file" of request "Upload certificate" in Courses / Enrolments sends the file /home/ann/certificates/first-aid.pdf: the path was kept, but the file itself is not part of the export. Check that it exists on this computer.',
      'The WebSocket request "Live feed" was not imported: Lantern imports HTTP requests.',
      'The body of request "Upload package" sends the file /home/ann/build/scorm-package.zip: the path was kept, but the file itself is not part of the export. Check that it exists on this computer.',
      'Request "Intranet report" uses NTLM auth, which Lantern cannot send, so it was imported without auth. Choose another auth for it, or add the header it needs by hand.',
      'Request "Status" uses the Insomnia template tag {% uuid %}. The text was kept, but Lantern does not run template tags: replace them with a value or a variable.',
      'The cookie jar "Default Jar" was not imported: its cookies are login sessions, which are secrets. Log in again from Lantern.',
    ]);
  });
});

describe('importInsomnia errors', () => {
  it.each([
    ['', /nothing to import/],
    [
      '{"_type": "export", "__export_format": 3, "resources": []}',
      /format 3, and Lantern reads format 4.*Insomnia v4 \(JSON\)/,
    ],
    ['{"resources": []}', /not an Insomnia export/],
    ['{"_type": "export", "__export_format": 4, "resources": []}', /holds no workspace/],
  ])('%#', (text, message) => {
    const result = importInsomnia(text);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  });
});
