import { describe, expect, it } from 'vitest';
import { resolveTemplate, undefinedVariables } from './resolve';
import type { TemplateScope } from './scope';

const scope: TemplateScope = [
  { label: 'the request', variables: { userId: { value: '42' } } },
  {
    label: 'the active environment',
    variables: {
      host: { value: 'staging.example.com' },
      base: { value: 'https://{{host}}/api' },
      token: { value: 's3cr3t-token', secret: true },
      auth: { value: 'Bearer {{token}}' },
      userId: { value: 'shadowed' },
      empty: { value: '' },
    },
  },
  {
    label: 'the globals',
    variables: new Map([
      ['version', { value: 'v2' }],
      ['host', { value: 'prod.example.com' }],
    ]),
  },
];

describe('resolveTemplate: values', () => {
  it.each([
    ['text without variables', 'https://example.com/', 'https://example.com/', []],
    ['a single variable', 'https://{{host}}/', 'https://staging.example.com/', ['host']],
    ['whitespace in braces', 'https://{{ host }}/', 'https://staging.example.com/', ['host']],
    ['the first layer wins', '/users/{{userId}}', '/users/42', ['userId']],
    ['a variable only in the globals (a Map)', '/{{version}}', '/v2', ['version']],
    ['a nested reference', '{{base}}/users', 'https://staging.example.com/api/users', ['base', 'host']],
    ['a defined empty value', 'a{{empty}}b', 'ab', ['empty']],
    ['an escaped reference', '\\{{host}} is {{host}}', '{{host}} is staging.example.com', ['host']],
    ['triple braces in JSON', '{"h":{{{version}}}}', '{"h":{v2}}', ['version']],
    ['the same variable twice', '{{host}}/{{host}}', 'staging.example.com/staging.example.com', ['host']],
  ])('%s', (_what, text, expected, used) => {
    const result = resolveTemplate(text, scope);
    expect(result).toMatchObject({ ok: true, text: expected, used });
  });

  it('does not re-resolve braces that come from an escape inside a value', () => {
    const result = resolveTemplate('{{doc}}', [{ variables: { doc: { value: 'use \\{{host}}' } } }]);
    expect(result).toMatchObject({ ok: true, text: 'use {{host}}' });
  });

  it('reports secret values, nested ones included, and not empty ones', () => {
    const result = resolveTemplate('{{auth}} {{host}}', [
      ...scope,
      { variables: { blank: { value: '', secret: true } } },
    ]);
    expect(result).toMatchObject({ ok: true, text: 'Bearer s3cr3t-token staging.example.com' });
    if (result.ok) expect(result.secretValues).toEqual(['s3cr3t-token']);
  });

  it('orders secret values longest first so masking never leaves a tail', () => {
    const result = resolveTemplate('{{a}}{{b}}', [
      { variables: { a: { value: 'abc', secret: true }, b: { value: 'abcdef', secret: true } } },
    ]);
    if (result.ok) expect(result.secretValues).toEqual(['abcdef', 'abc']);
    else expect.fail('expected success');
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'does not find %s on Object.prototype',
    (name) => {
      const result = resolveTemplate(`{{${name}}}`, [{ variables: {} }]);
      expect(result).toMatchObject({ ok: false, errors: [{ code: 'undefined-variable', name }] });
    },
  );
});

describe('resolveTemplate: errors, never an empty string', () => {
  it.each([
    [
      'an undefined variable',
      'https://{{host}}/users/{{nope}}',
      [
        {
          code: 'undefined-variable',
          name: 'nope',
          start: 23,
          end: 31,
          chain: ['nope'],
          message:
            'The variable {{nope}} in the text is not defined in the request, the active environment, ' +
            'the globals or the collection. Define it, or remove the reference.',
        },
      ],
    ],
    [
      'an undefined nested variable',
      '{{outer}}',
      [
        {
          code: 'undefined-variable',
          name: 'port',
          chain: ['outer', 'port'],
          message:
            'The variable {{port}}, used by {{outer}} in the text, is not defined in the request, the active ' +
            'environment, the globals or the collection. Define it, or remove the reference from {{outer}}.',
        },
      ],
    ],
    [
      'an unclosed {{ with its position',
      'https://{{host/api',
      [
        {
          code: 'unclosed',
          start: 8,
          message:
            'The text has an unclosed {{ at character 9. Close it with }}, or write \\{{ for a literal {{.',
        },
      ],
    ],
    [
      'an empty {{}} on line 2 of a body',
      '{\n  "id": {{}}\n}',
      [{ code: 'empty', start: 10, message: expect.stringContaining('at line 2, column 9') }],
    ],
    [
      'an invalid name',
      '{{$randomInt}}',
      [{ code: 'invalid-name', message: expect.stringContaining('{{$randomInt}} at character 1') }],
    ],
    [
      'a malformed value of a variable',
      '{{broken}}',
      [
        {
          code: 'unclosed',
          name: 'broken',
          message:
            'The value of {{broken}} (used in the text) has an unclosed {{ at character 9. ' +
            'Close it with }}, or write \\{{ for a literal {{.',
        },
      ],
    ],
  ])('%s', (_what, text, errors) => {
    const result = resolveTemplate(text, [
      ...scope,
      {
        label: 'the collection',
        variables: { outer: { value: 'http://h:{{port}}' }, broken: { value: 'https://{{host' } },
      },
    ]);
    expect(result).toMatchObject({ ok: false, errors });
  });

  it('reports a cycle with its chain instead of looping', () => {
    const cyclic: TemplateScope = [
      { variables: { a: { value: 'x{{b}}' }, b: { value: '{{c}}' }, c: { value: '{{a}}' } } },
    ];
    const result = resolveTemplate('{{a}} and {{b}}', cyclic);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'cycle',
          name: 'a',
          chain: ['a', 'b', 'c', 'a'],
          message: expect.stringContaining('a → b → c → a'),
        },
        { code: 'cycle', name: 'b', chain: ['b', 'c', 'a', 'b'] },
      ],
    });
  });

  it('reports a variable that refers to itself', () => {
    const result = resolveTemplate('{{me}}', [{ variables: { me: { value: '{{me}}' } } }]);
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'cycle', chain: ['me', 'me'] }] });
  });

  it('stops a chain deeper than maxDepth', () => {
    const variables = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`v${i}`, { value: i === 7 ? 'end' : `{{v${i + 1}}}` }]),
    );
    expect(resolveTemplate('{{v0}}', [{ variables }])).toMatchObject({ ok: true, text: 'end' });
    expect(resolveTemplate('{{v0}}', [{ variables }], { maxDepth: 5 })).toMatchObject({
      ok: false,
      errors: [{ code: 'too-deep', name: 'v0', chain: ['v0', 'v1', 'v2', 'v3', 'v4', 'v5'] }],
    });
  });

  it('names the location and an empty scope in plain words', () => {
    const result = resolveTemplate('{{token}}', [], { location: 'the URL' });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          message:
            'The variable {{token}} in the URL is not defined in any variable set (none is active). ' +
            'Define it, or remove the reference.',
        },
      ],
    });
  });

  it('collects every error, syntax and undefined alike', () => {
    const result = resolveTemplate('{{a}} {{}} {{b}}', [{ label: 'the globals', variables: {} }]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => error.code)).toEqual([
        'empty',
        'undefined-variable',
        'undefined-variable',
      ]);
  });
});

describe('undefinedVariables', () => {
  it.each([
    ['all defined', '{{base}}/{{version}}', []],
    ['one direct', '{{host}}/{{missing}}', [{ name: 'missing', start: 9, end: 20, missing: 'missing' }]],
    ['one nested', '{{outer}}', [{ name: 'outer', start: 0, end: 9, missing: 'port' }]],
    ['a malformed reference is not an undefined one', '{{}}', []],
  ])('%s', (_what, text, expected) => {
    expect(undefinedVariables(text, [...scope, { variables: { outer: { value: ':{{port}}' } } }])).toEqual(
      expected,
    );
  });
});
