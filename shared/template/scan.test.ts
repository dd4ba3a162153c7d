import { describe, expect, it } from 'vitest';
import { findVariables, scanTemplate } from './scan';

describe('findVariables: where the editor highlights', () => {
  it.each([
    ['a plain URL', 'https://api.example.com/v1/users', []],
    [
      'a URL with two variables',
      'https://{{host}}/api/{{version}}/users',
      [
        { name: 'host', start: 8, end: 16 },
        { name: 'version', start: 21, end: 32 },
      ],
    ],
    ['whitespace inside the braces', 'Bearer {{ token }}', [{ name: 'token', start: 7, end: 18 }]],
    ['dots, dashes and underscores', '{{api.v2-base_url}}', [{ name: 'api.v2-base_url', start: 0, end: 19 }]],
    ['an escaped reference', 'literal \\{{name}} here', []],
    ['a JSON body with triple braces', '{"id":{{{id}}}}', [{ name: 'id', start: 7, end: 13 }]],
    ['a stray closing pair', '{"a":{"b":1}}', []],
    ['an empty reference', 'x{{}}y', []],
    ['a Postman dynamic variable', '{{$guid}}', []],
    ['an unclosed then a good reference', '{{a {{b}}', [{ name: 'b', start: 4, end: 9 }]],
  ])('%s', (_what, text, expected) => {
    expect(findVariables(text)).toEqual(expected);
  });
});

describe('scanTemplate: problems carry their position', () => {
  it.each([
    [
      'an unclosed {{ at the end',
      'https://{{host/api',
      [{ code: 'unclosed', start: 8, end: 10, content: '' }],
    ],
    ['an empty {{}}', '/users/{{}}', [{ code: 'empty', start: 7, end: 11, content: '' }]],
    ['braces holding only spaces', '/users/{{   }}', [{ code: 'empty', start: 7, end: 14, content: '' }]],
    [
      'a name with a space',
      '{{first name}}',
      [{ code: 'invalid-name', start: 0, end: 14, content: 'first name' }],
    ],
    ['an unclosed {{ before another', '{{a {{b}}', [{ code: 'unclosed', start: 0, end: 2, content: '' }]],
    ['no problem in a JSON body', '{"a":{"b":{"c":1}}}', []],
  ])('%s', (_what, text, expected) => {
    expect(scanTemplate(text).problems).toEqual(expected);
  });

  it('turns \\{{ into a literal {{ and keeps other backslashes', () => {
    const parts = scanTemplate('C:\\temp \\{{name}} {{x}}').parts;
    expect(parts).toEqual([
      { kind: 'text', text: 'C:\\temp {{name}} ' },
      { kind: 'variable', name: 'x', start: 18, end: 23 },
    ]);
  });
});
