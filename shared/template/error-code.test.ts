import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { templateErrorCode } from './error-code';
import { resolveDraft } from './resolve-draft';
import type { TemplateScope } from './scope';

const scope: TemplateScope = [
  {
    label: 'the active environment',
    variables: {
      token: { value: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln\n', secret: true },
      a: { value: '{{b}}' },
      b: { value: '{{a}}' },
      bad: { value: '{{ }}' },
    },
  },
];
const headers = (value: string): RequestDraft => ({
  method: 'GET',
  url: 'https://api.example.com/users',
  headers: [{ name: 'Authorization', value, enabled: true }],
  body: { mode: 'none' },
  auth: { type: 'none' },
});

describe('the code of a send blocked by its templates', () => {
  it.each([
    ['a header value with a line break', 'Bearer {{token}}', 'template.invalid-header-value'],
    ['an undefined variable', 'Bearer {{nowhere}}', 'template.unresolved'],
    ['a cycle', '{{a}}', 'template.cycle'],
    ['malformed braces', 'Bearer {{token', 'template.syntax'],
    ['malformed braces inside a variable', '{{bad}}', 'template.syntax'],
  ])('%s → %s', (_name, value, code) => {
    const result = resolveDraft(headers(value), scope);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(templateErrorCode(result.errors)).toBe(code);
    // The message names variables, never a value: the token is a secret.
    expect(result.errors.map((e) => e.message).join(' ')).not.toContain('eyJ');
  });
});
