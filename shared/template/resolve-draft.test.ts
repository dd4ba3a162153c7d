import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { resolveDraft } from './resolve-draft';
import type { TemplateScope } from './scope';

const scope: TemplateScope = [
  {
    label: 'the active environment',
    variables: {
      base: { value: 'https://{{host}}/webservice/rest' },
      host: { value: 'totara.example.ac.uk' },
      token: { value: 'f3b2c1d0e9', secret: true },
      tenant: { value: 'acme' },
      newline: { value: 'abc\r\nX-Injected: 1' },
      // A token pasted with the newline its copy carried.
      pasted: { value: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n', secret: true },
      nul: { value: 'a\u0000b' },
    },
  },
  { label: 'the globals', variables: { format: { value: 'json' } } },
];

const draft = (overrides: Partial<RequestDraft>): RequestDraft => ({
  method: 'POST',
  url: '{{base}}/server.php?moodlewsrestformat={{format}}',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
  ...overrides,
});

describe('resolveDraft', () => {
  it('resolves the URL, enabled headers and a JSON body, and reports secrets', () => {
    const result = resolveDraft(
      draft({
        headers: [
          { name: 'Authorization', value: 'Bearer {{token}}', enabled: true },
          { name: 'X-{{tenant}}-Trace', value: '1', enabled: true },
        ],
        body: { mode: 'json', text: '{"wstoken":"{{token}}","tenant":"{{ tenant }}"}' },
      }),
      scope,
    );
    expect(result).toEqual({
      ok: true,
      draft: {
        method: 'POST',
        url: 'https://totara.example.ac.uk/webservice/rest/server.php?moodlewsrestformat=json',
        headers: [
          { name: 'Authorization', value: 'Bearer f3b2c1d0e9', enabled: true },
          { name: 'X-acme-Trace', value: '1', enabled: true },
        ],
        body: { mode: 'json', text: '{"wstoken":"f3b2c1d0e9","tenant":"acme"}' },
        auth: { type: 'none' },
      },
      used: ['base', 'host', 'format', 'token', 'tenant'],
      secretValues: ['f3b2c1d0e9'],
    });
  });

  it('resolves a raw body and leaves its content type alone', () => {
    const result = resolveDraft(
      draft({
        body: { mode: 'raw', text: 'wstoken={{token}}', contentType: 'application/x-www-form-urlencoded' },
      }),
      scope,
    );
    expect(result).toMatchObject({
      ok: true,
      draft: {
        body: { mode: 'raw', text: 'wstoken=f3b2c1d0e9', contentType: 'application/x-www-form-urlencoded' },
      },
    });
  });

  it('passes a disabled header through untouched, undefined variables and all', () => {
    const disabled = { name: 'X-Debug', value: '{{debugToken}}', enabled: false };
    const result = resolveDraft(draft({ headers: [disabled] }), scope);
    expect(result).toMatchObject({ ok: true, draft: { headers: [disabled] } });
    if (result.ok) expect(result.used).not.toContain('debugToken');
  });

  it.each<[string, Partial<RequestDraft>, { where: string; code: string; message: string | RegExp }[]]>([
    [
      'an undefined variable in the URL',
      { url: '{{base}}/server.php?wstoken={{wstoken}}' },
      [
        {
          where: 'url',
          code: 'undefined-variable',
          message:
            'The variable {{wstoken}} in the URL is not defined in the active environment or the globals. ' +
            'Define it, or remove the reference.',
        },
      ],
    ],
    [
      'an undefined variable in the third header value',
      {
        headers: [
          { name: 'Accept', value: 'application/json', enabled: true },
          { name: 'X-Old', value: '{{gone}}', enabled: false },
          { name: 'Authorization', value: 'Bearer {{accessToken}}', enabled: true },
        ],
      },
      [
        {
          where: 'headers[2].value',
          code: 'undefined-variable',
          message:
            /^The variable \{\{accessToken\}\} in the value of header 3 \(Authorization\) is not defined/,
        },
      ],
    ],
    [
      'an empty reference in a header name',
      { headers: [{ name: 'X-{{}}', value: 'v', enabled: true }] },
      [
        {
          where: 'headers[0].name',
          code: 'empty',
          message: /^The name of header 1 \(X-\{\{\}\}\) has an empty/,
        },
      ],
    ],
    [
      'a variable that puts a line break into a header',
      { headers: [{ name: 'X-Trace', value: '{{newline}}', enabled: true }] },
      [
        {
          where: 'headers[0].value',
          code: 'invalid-header',
          message:
            /^The value of header 1 \(X-Trace\) has a line break in the middle .* It comes from \{\{newline\}\}: its value holds it\. Remove it from the variable\.$/,
        },
      ],
    ],
    [
      'a pasted token ending with a newline, named plainly',
      { headers: [{ name: 'Authorization', value: 'Bearer {{pasted}}', enabled: true }] },
      [
        {
          where: 'headers[0].value',
          code: 'invalid-header',
          message:
            /has a line break at the end once its variables are filled in, and a header value must be a single line of text\. It comes from \{\{pasted\}\}: its value holds it — a token copied with its trailing newline is the usual case\./,
        },
      ],
    ],
    [
      'a control character other than a line break',
      { headers: [{ name: 'X-Id', value: '{{nul}}', enabled: true }] },
      [
        {
          where: 'headers[0].value',
          code: 'invalid-header',
          message: /has a control character \(U\+0000\) in the middle/,
        },
      ],
    ],
    [
      'errors in the URL and the body at once',
      { url: '{{nope}}', body: { mode: 'json', text: '{\n  "a": {{b}\n}' } },
      [
        { where: 'url', code: 'undefined-variable', message: /\{\{nope\}\} in the URL/ },
        { where: 'body', code: 'unclosed', message: /^The body has an unclosed \{\{ at line 2, column 8/ },
      ],
    ],
  ])('reports %s with where it is', (_what, overrides, errors) => {
    const result = resolveDraft(draft(overrides), scope);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(errors.length);
    errors.forEach((expected, index) => {
      expect(result.errors[index]).toMatchObject({ where: expected.where, code: expected.code });
      expect(result.errors[index]?.message).toMatch(expected.message);
    });
  });
});
