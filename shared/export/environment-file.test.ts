import { describe, expect, it } from 'vitest';
import { keepEnvironmentFile } from './environment-file';
import { toPostman } from './to-postman';

const exported = (variables: { name: string; value: string; secret: boolean }[]) =>
  toPostman({
    name: 'C',
    root: { id: 'r', name: 'C', folders: [], requests: [] },
    environments: [{ name: 'Staging', variables }],
    credentials: [],
  }).environments[0]?.json ?? '';

const next = exported([
  { name: 'base_url', value: 'https://staging.example.com', secret: false },
  { name: 'api_token', value: 'kept-in-vault', secret: true },
]);

/** The file as Lantern wrote it, with some values changed (as Postman or an editor would). */
function edited(values: Record<string, unknown>): string {
  const file = JSON.parse(next) as { values: { key: string; value: unknown }[] };
  for (const row of file.values) if (row.key in values) row.value = values[row.key];
  return JSON.stringify(file);
}

describe('keepEnvironmentFile', () => {
  it('replaces a file Lantern wrote whose values are still what Lantern writes', () => {
    expect(keepEnvironmentFile(next, next)).toBeUndefined();
    expect(keepEnvironmentFile(edited({ api_token: '{{vault_token}}', base_url: '' }), next)).toBeUndefined();
    expect(keepEnvironmentFile(edited({ api_token: null }), next)).toBeUndefined();
  });

  it('keeps a file Lantern wrote once the user filled values into it, and names them', () => {
    expect(keepEnvironmentFile(edited({ api_token: 's3cr3t-typed-in-postman' }), next)).toEqual({
      why: 'filled',
      names: ['api_token'],
    });
    expect(
      keepEnvironmentFile(edited({ base_url: 'https://mine.example.com', api_token: 42 }), next),
    ).toEqual({ why: 'filled', names: ['base_url', 'api_token'] });
  });

  it('keeps a file Lantern wrote with a value for a variable the new export no longer has', () => {
    const older = exported([{ name: 'tenant', value: 'acme', secret: false }]);
    expect(keepEnvironmentFile(older, next)).toEqual({ why: 'filled', names: ['tenant'] });
  });

  it('keeps any file Lantern did not write', () => {
    expect(
      keepEnvironmentFile('{"name":"E","values":[],"_postman_exported_using":"Postman/11"}', next),
    ).toEqual({ why: 'not-lantern' });
    expect(keepEnvironmentFile('mine, keep me', next)).toEqual({ why: 'not-lantern' });
  });
});
