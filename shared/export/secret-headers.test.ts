import { describe, expect, it } from 'vitest';
import type { Collection } from '../model/collection';
import { withoutLiteralSecrets } from './secret-headers';
import { toPostman } from './to-postman';

const row = (name: string, value: string, enabled = true) => ({ name, value, enabled });

describe('withoutLiteralSecrets', () => {
  it('turns secret header values into placeholders, keeping schemes and variables', () => {
    const { rows, replaced } = withoutLiteralSecrets([
      row('Cookie', 'TotaraSession=abc123'),
      row('X-Totara-Sesskey', 'Xq9TzP2mKd'),
      row('Authorization', 'Bearer eyJhbGciOi'),
      row('X-Api-Key', 'ak_live_1', false),
      row('Authorization', 'Bearer {{token}}'),
      row('Cookie', '{{cookie}}'),
      row('Accept', 'application/json'),
    ]);
    expect(rows).toEqual([
      row('Cookie', '{{cookie}}'),
      row('X-Totara-Sesskey', '{{x_totara_sesskey}}'),
      row('Authorization', 'Bearer {{authorization}}'),
      row('X-Api-Key', '{{x_api_key}}', false),
      row('Authorization', 'Bearer {{token}}'),
      row('Cookie', '{{cookie}}'),
      row('Accept', 'application/json'),
    ]);
    expect(replaced).toEqual(['cookie', 'x_totara_sesskey', 'authorization', 'x_api_key']);
  });
});

describe('toPostman never writes a literal secret header', () => {
  const secrets = [
    'TotaraSession=5q0hv2n8',
    'Xq9TzP2mKd',
    'eyJhbGciOiJSUzI1NiJ9',
    'ak_live_51HxQe2',
    'abc-proxy',
  ];
  const collection: Collection = {
    name: 'C',
    root: {
      id: 'root',
      name: 'C',
      headers: [row('X-Api-Key', 'ak_live_51HxQe2')],
      folders: [],
      requests: [
        {
          id: 'r1',
          name: 'Literal headers',
          inheritAuth: true,
          draft: {
            method: 'POST',
            url: 'https://learn.example.com/totara/webapi/ajax.php',
            headers: [
              row('Cookie', 'TotaraSession=5q0hv2n8'),
              row('x-totara-sesskey', 'Xq9TzP2mKd'),
              row('Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9'),
              row('Proxy-Authorization', 'Basic abc-proxy', false),
            ],
            body: { mode: 'none' },
            auth: { type: 'none' },
          },
        },
        {
          id: 'r2',
          name: 'Pasted session',
          inheritAuth: false,
          draft: {
            method: 'GET',
            url: 'https://learn.example.com/x',
            headers: [],
            body: { mode: 'none' },
            auth: { type: 'browserSession', credentialId: 'cred-1' },
          },
        },
      ],
    },
    environments: [],
    credentials: [
      {
        id: 'cred-1',
        kind: 'browserSession',
        label: 'Learn',
        fields: { siteUrl: 'https://learn.example.com', csrfHeader: 'X-Totara-Sesskey' },
        secretLeftOut: true,
      },
    ],
  };

  it('writes placeholders and says so', () => {
    const exported = toPostman(collection);
    for (const secret of secrets) expect(exported.json).not.toContain(secret);
    const items = (
      JSON.parse(exported.json) as { item: { request: { header: unknown[]; auth?: unknown } }[] }
    ).item;
    expect(items[0]?.request.header).toEqual([
      { key: 'X-Api-Key', value: '{{x_api_key}}', type: 'text' },
      { key: 'Cookie', value: '{{cookie}}', type: 'text' },
      { key: 'x-totara-sesskey', value: '{{x_totara_sesskey}}', type: 'text' },
      { key: 'Authorization', value: 'Bearer {{authorization}}', type: 'text' },
      { key: 'Proxy-Authorization', value: 'Basic {{proxy_authorization}}', type: 'text', disabled: true },
    ]);
    expect(items[1]?.request.auth).toEqual({
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'Cookie', type: 'string' },
        { key: 'value', value: '{{session_cookie}}', type: 'string' },
        { key: 'in', value: 'header', type: 'string' },
      ],
    });
    expect(items[1]?.request.header).toContainEqual({
      key: 'X-Totara-Sesskey',
      value: '{{sesskey}}',
      type: 'text',
    });
    expect(exported.warnings).toContain(
      'Request "Literal headers" had secret values in its headers; they were written as {{x_api_key}}, {{cookie}}, {{x_totara_sesskey}}, {{authorization}}, {{proxy_authorization}}: define those variables in Postman.',
    );
  });
});
