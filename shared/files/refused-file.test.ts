import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { refusedFile } from './refused-file';

const refusal = (text: string, what: string) =>
  `Lantern did not read "${text}" (${what}): it reads only files you choose, or files inside the workspace's own folder, and this one is neither. Choose the file to allow it.`;
const base: RequestDraft = {
  method: 'POST',
  url: 'http://x',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
};
const ref = `grant:${'e'.repeat(32)}/chosen.pem`;

describe('refusedFile', () => {
  it('finds the binary body the refusal names and replaces it with the chosen file', () => {
    const draft: RequestDraft = { ...base, body: { mode: 'binary', path: '/etc/passwd' } };
    const found = refusedFile(draft, refusal('/etc/passwd', 'the body'));
    expect(found?.what).toBe('the body');
    expect(found?.replace(draft, ref).body).toEqual({ mode: 'binary', path: ref });
  });

  it('finds a multipart part, leaving the other parts as they are', () => {
    const draft: RequestDraft = {
      ...base,
      body: {
        mode: 'multipart',
        fields: [
          { kind: 'text', name: 'a', value: '/etc/passwd', enabled: true },
          { kind: 'file', name: 'f', path: '../x.bin', enabled: true },
        ],
      },
    };
    const replaced = refusedFile(draft, refusal('../x.bin', 'form field 2 (f)'))?.replace(draft, ref);
    expect(replaced?.body).toEqual({
      mode: 'multipart',
      fields: [
        { kind: 'text', name: 'a', value: '/etc/passwd', enabled: true },
        { kind: 'file', name: 'f', path: ref, enabled: true },
      ],
    });
  });

  it('finds a TLS file in the settings', () => {
    const settings = {
      verifyTls: true,
      followRedirects: true,
      maxRedirects: 10,
      timeoutMs: 30_000,
      clientKeyFile: '~/.ssh/id_rsa',
    };
    const draft: RequestDraft = { ...base, settings };
    expect(
      refusedFile(draft, refusal('~/.ssh/id_rsa', 'the client key'))?.replace(draft, ref).settings,
    ).toEqual({
      ...settings,
      clientKeyFile: ref,
    });
  });

  it('finds nothing for another error, or a path no field holds (a {{variable}} resolved to it)', () => {
    const draft: RequestDraft = { ...base, body: { mode: 'binary', path: '{{file}}' } };
    expect(refusedFile(draft, refusal('/data/x.bin', 'the body'))).toBeUndefined();
    expect(refusedFile(draft, 'The server refused the connection.')).toBeUndefined();
  });
});
