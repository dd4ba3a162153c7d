import { describe, expect, it } from 'vitest';
import { parseCurl } from '../curl';
import type { RequestDraft } from '../model/request';
import { toSnippet, type SnippetLanguage } from './to-snippet';

const getWithHeaders: RequestDraft = {
  method: 'GET',
  url: '{{base_url}}/users?page=2',
  headers: [
    { name: 'Accept', value: 'application/json', enabled: true },
    { name: 'X-Debug', value: '1', enabled: false },
  ],
  body: { mode: 'none' },
  auth: { type: 'bearer', credentialId: 'bearer-1' },
};
const jsonPost: RequestDraft = {
  method: 'POST',
  url: 'https://api.example.com/users',
  headers: [],
  body: { mode: 'json', text: '{"name":"Zoë O\'Neil","admin":false}' },
  auth: { type: 'apiKey', credentialId: 'api-key-1', name: 'api_key', in: 'query' },
};
const form: RequestDraft = {
  method: 'POST',
  url: 'https://api.example.com/login',
  headers: [],
  body: {
    mode: 'form-urlencoded',
    fields: [
      { name: 'username', value: 'ann@example.com', enabled: true },
      { name: 'remember', value: '1', enabled: false },
      { name: 'next', value: '/home & away', enabled: true },
    ],
  },
  auth: { type: 'basic', credentialId: 'basic-1' },
};
const multipart: RequestDraft = {
  method: 'POST',
  url: 'https://api.example.com/avatar',
  headers: [{ name: 'Content-Type', value: 'multipart/form-data', enabled: true }],
  body: {
    mode: 'multipart',
    fields: [
      { kind: 'text', name: 'caption', value: 'Me at the beach', enabled: true },
      { kind: 'file', name: 'file', path: '/home/ann/beach.jpg', contentType: 'image/jpeg', enabled: true },
    ],
  },
  auth: { type: 'none' },
};
const graphql: RequestDraft = {
  method: 'POST',
  url: 'https://api.example.com/graphql',
  headers: [],
  body: {
    mode: 'graphql',
    query: 'query Me { me { id } }',
    variables: '{"first": 5}',
    operationName: 'Me',
    persisted: false,
  },
  auth: { type: 'oauth2', credentialId: 'oauth2-1' },
};

const FETCH_END = ['});', '', 'console.log(response.status, await response.text());'];
const PY_END = [')', '', 'print(response.status_code, response.text)'];

describe('toSnippet writes each language exactly', () => {
  it.each<[string, RequestDraft, SnippetLanguage, string[]]>([
    [
      'GET with headers, curl bash',
      getWithHeaders,
      'curl-bash',
      [
        "curl '\\{\\{base_url\\}\\}/users?page=2' \\",
        "  -H 'Accept: application/json' \\",
        "  -H 'Authorization: Bearer {{access_token}}'",
      ],
    ],
    [
      'GET with headers, curl cmd',
      getWithHeaders,
      'curl-cmd',
      [
        'curl ^"^\\{^\\{base_url^\\}^\\}/users?page=2^" ^',
        '  -H ^"Accept: application/json^" ^',
        '  -H ^"Authorization: Bearer ^{^{access_token^}^}^"',
      ],
    ],
    [
      'GET with headers, fetch',
      getWithHeaders,
      'fetch',
      [
        "const response = await fetch('{{base_url}}/users?page=2', {",
        "  method: 'GET',",
        '  headers: {',
        "    'Accept': 'application/json',",
        "    'Authorization': 'Bearer {{access_token}}',",
        '  },',
        ...FETCH_END,
      ],
    ],
    [
      'GET with headers, python',
      getWithHeaders,
      'python-requests',
      [
        'import requests',
        '',
        'response = requests.get(',
        "    '{{base_url}}/users?page=2',",
        '    headers={',
        "        'Accept': 'application/json',",
        "        'Authorization': 'Bearer {{access_token}}',",
        '    },',
        ...PY_END,
      ],
    ],
    [
      'GET with headers, httpie',
      getWithHeaders,
      'httpie',
      [
        'http GET \\',
        "  '{{base_url}}/users?page=2' \\",
        "  'Accept:application/json' \\",
        "  'Authorization:Bearer {{access_token}}'",
      ],
    ],
    [
      'JSON POST, curl bash (API key in the query)',
      jsonPost,
      'curl-bash',
      [
        "curl 'https://api.example.com/users?api_key=\\{\\{api_key\\}\\}' \\",
        "  -H 'Content-Type: application/json' \\",
        `  --data-raw $'{"name":"Zoë O\\'Neil","admin":false}'`,
      ],
    ],
    [
      'JSON POST, fetch',
      jsonPost,
      'fetch',
      [
        "const response = await fetch('https://api.example.com/users?api_key={{api_key}}', {",
        "  method: 'POST',",
        '  headers: {',
        "    'Content-Type': 'application/json',",
        '  },',
        '  body: JSON.stringify({',
        `    "name": "Zoë O'Neil",`,
        '    "admin": false',
        '  }),',
        ...FETCH_END,
      ],
    ],
    [
      'JSON POST, python',
      jsonPost,
      'python-requests',
      [
        'import requests',
        '',
        'response = requests.post(',
        "    'https://api.example.com/users?api_key={{api_key}}',",
        '    headers={',
        "        'Content-Type': 'application/json',",
        '    },',
        `    data='{"name":"Zoë O\\'Neil","admin":false}',`,
        ...PY_END,
      ],
    ],
    [
      'form, fetch (Basic auth computed)',
      form,
      'fetch',
      [
        "const credentials = btoa('{{username}}:{{password}}');",
        '',
        "const response = await fetch('https://api.example.com/login', {",
        "  method: 'POST',",
        '  headers: {',
        "    'Authorization': `Basic ${credentials}`,",
        '  },',
        "  body: new URLSearchParams([['username', 'ann@example.com'], ['next', '/home & away']]),",
        ...FETCH_END,
      ],
    ],
    [
      'form, python',
      form,
      'python-requests',
      [
        'import requests',
        '',
        'response = requests.post(',
        "    'https://api.example.com/login',",
        "    auth=('{{username}}', '{{password}}'),",
        '    data=[',
        "        ('username', 'ann@example.com'),",
        "        ('next', '/home & away'),",
        '    ],',
        ...PY_END,
      ],
    ],
    [
      'form, curl bash',
      form,
      'curl-bash',
      [
        "curl 'https://api.example.com/login' \\",
        "  -u '{{username}}:{{password}}' \\",
        "  --data-raw 'username=ann%40example.com&next=%2Fhome+%26+away'",
      ],
    ],
    [
      'form, httpie',
      form,
      'httpie',
      [
        'http --form \\',
        "  --auth '{{username}}:{{password}}' \\",
        '  POST \\',
        "  'https://api.example.com/login' \\",
        "  'username=ann@example.com' \\",
        "  'next=/home & away'",
      ],
    ],
    [
      'multipart, curl bash',
      multipart,
      'curl-bash',
      [
        "curl 'https://api.example.com/avatar' \\",
        "  -F 'caption=Me at the beach' \\",
        "  -F 'file=@/home/ann/beach.jpg;type=image/jpeg'",
      ],
    ],
    [
      'multipart, fetch',
      multipart,
      'fetch',
      [
        "import { openAsBlob } from 'node:fs';",
        '',
        'const form = new FormData();',
        "form.append('caption', 'Me at the beach');",
        "form.append('file', await openAsBlob('/home/ann/beach.jpg', { type: 'image/jpeg' }), 'beach.jpg');",
        '',
        "const response = await fetch('https://api.example.com/avatar', {",
        "  method: 'POST',",
        '  body: form,',
        ...FETCH_END,
      ],
    ],
    [
      'multipart, python',
      multipart,
      'python-requests',
      [
        'import requests',
        '',
        'response = requests.post(',
        "    'https://api.example.com/avatar',",
        '    data=[',
        "        ('caption', 'Me at the beach'),",
        '    ],',
        '    files=[',
        "        ('file', ('beach.jpg', open('/home/ann/beach.jpg', 'rb'), 'image/jpeg')),",
        '    ],',
        ...PY_END,
      ],
    ],
    [
      'multipart, httpie',
      multipart,
      'httpie',
      [
        'http --multipart \\',
        '  POST \\',
        "  'https://api.example.com/avatar' \\",
        "  'caption=Me at the beach' \\",
        "  'file@/home/ann/beach.jpg;type=image/jpeg'",
      ],
    ],
    [
      'GraphQL, curl bash',
      graphql,
      'curl-bash',
      [
        "curl 'https://api.example.com/graphql' \\",
        "  -H 'Content-Type: application/json' \\",
        "  -H 'Authorization: Bearer {{access_token}}' \\",
        `  --data-raw '{"query":"query Me { me { id } }","variables":{"first": 5},"operationName":"Me"}'`,
      ],
    ],
    [
      'GraphQL, fetch',
      graphql,
      'fetch',
      [
        "const response = await fetch('https://api.example.com/graphql', {",
        "  method: 'POST',",
        '  headers: {',
        "    'Content-Type': 'application/json',",
        "    'Authorization': 'Bearer {{access_token}}',",
        '  },',
        '  body: JSON.stringify({',
        '    "query": "query Me { me { id } }",',
        '    "variables": {',
        '      "first": 5',
        '    },',
        '    "operationName": "Me"',
        '  }),',
        ...FETCH_END,
      ],
    ],
    [
      'GraphQL, httpie',
      graphql,
      'httpie',
      [
        'http POST \\',
        "  'https://api.example.com/graphql' \\",
        "  'Content-Type:application/json' \\",
        "  'Authorization:Bearer {{access_token}}' \\",
        `  --raw '{"query":"query Me { me { id } }","variables":{"first": 5},"operationName":"Me"}'`,
      ],
    ],
  ])('%s', (_name, draft, language, lines) => {
    expect(toSnippet(draft, language).code).toBe(lines.join('\n'));
  });
});

describe('toSnippet secrets and placeholders', () => {
  it('lists the placeholders left to fill in: secrets and variables', () => {
    expect(toSnippet(getWithHeaders, 'fetch').placeholders).toEqual(['access_token', 'base_url']);
    expect(toSnippet(getWithHeaders, 'fetch', { resolved: true }).placeholders).toEqual(['access_token']);
  });

  it('writes secrets only when asked to include them and given them', () => {
    const secrets = { 'bearer-1': { kind: 'token', token: 'tok_123' } } as const;
    expect(toSnippet(getWithHeaders, 'python-requests', { secrets }).code).toContain(
      'Bearer {{access_token}}',
    );
    const included = toSnippet(getWithHeaders, 'python-requests', { includeSecrets: true, secrets });
    expect(included.code).toContain("'Authorization': 'Bearer tok_123',");
    expect(included.placeholders).toEqual(['base_url']);
    const basic = toSnippet(form, 'curl-bash', {
      includeSecrets: true,
      secrets: { 'basic-1': { kind: 'basic', username: 'ann', password: 'pw' } },
    });
    expect(basic.code).toContain("-u 'ann:pw'");
  });

  it('writes a file body as a file reference', () => {
    const upload: RequestDraft = {
      method: 'PUT',
      url: 'https://api.example.com/imports',
      headers: [],
      body: { mode: 'binary', path: '/home/ann/users.csv', contentType: 'text/csv' },
      auth: { type: 'session', credentialId: 'session-1' },
    };
    expect(toSnippet(upload, 'curl-bash').code).toBe(
      [
        "curl 'https://api.example.com/imports' \\",
        "  -X 'PUT' \\",
        "  -H 'Content-Type: text/csv' \\",
        "  -H 'Cookie: {{session_cookie}}' \\",
        "  --data-binary '@/home/ann/users.csv'",
      ].join('\n'),
    );
    expect(toSnippet(upload, 'python-requests').code).toContain(
      "    data=open('/home/ann/users.csv', 'rb'),",
    );
  });

  it.each([getWithHeaders, jsonPost, form, multipart, graphql])(
    'curl output reads back with parseCurl',
    (draft) => {
      for (const dialect of ['bash', 'cmd'] as const) {
        const parsed = parseCurl(toSnippet(draft, dialect === 'bash' ? 'curl-bash' : 'curl-cmd').code);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.request.method).toBe(draft.method);
      }
    },
  );
});
