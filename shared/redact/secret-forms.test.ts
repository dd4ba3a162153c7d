import { describe, expect, it } from 'vitest';
import { maskSecretForms, secretForms } from './secret-forms';

describe('secretForms', () => {
  it('knows a secret as typed, percent-encoded, form-encoded and JSON-escaped', () => {
    const forms = secretForms("aB3+/x= it's(1)~");
    expect(forms).toContain("aB3+/x= it's(1)~");
    expect(forms).toContain(encodeURIComponent("aB3+/x= it's(1)~"));
    expect(forms).toContain(new URLSearchParams([['', "aB3+/x= it's(1)~"]]).toString().slice(1));
  });
});

describe('maskSecretForms', () => {
  it('masks a secret whatever encoding carried it, with the secret’s own preview', () => {
    const secret = "aB3+/x= it's(1)~9z";
    const body = new URLSearchParams([
      ['client_secret', secret],
      ['json', JSON.stringify({ s: secret })],
    ]).toString();
    const masked = maskSecretForms(`${body}\n${JSON.stringify({ secret })}\n${secret}`, [secret]);
    expect(masked).not.toContain('aB3');
    expect(masked.split('••••)~9z')).toHaveLength(5);
  });

  it('leaves short values and other text alone', () => {
    expect(maskSecretForms('ok=yes', ['ok', 'yes'])).toBe('ok=yes');
  });
});
