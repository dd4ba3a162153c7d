import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../shared/model/collection';
import type { RequestDraft } from '../../../shared/model/request';
import { defaultRequestName, folderChoices, nameTaken } from './save-as-naming';

const draft = (url: string, body: RequestDraft['body'] = { mode: 'none' }): RequestDraft => ({
  method: 'GET',
  url,
  headers: [],
  body,
  auth: { type: 'none' },
});

describe('defaultRequestName', () => {
  it.each([
    ['{{base}}/anything?who={{who}}&n={{n}}', 'anything'],
    ['https://api.example.com/v1/users', 'users'],
    ['https://api.example.com/v1/users/', 'users'],
    ['https://api.example.com/users/{{userId}}', 'users/{{userId}}'],
    ['https://api.example.com/users/42?expand=1', 'users/42'],
    ['https://api.example.com/files/caf%C3%A9%20menu', 'café menu'],
    ['https://api.example.com/?q=1', 'api.example.com'],
    ['https://api.example.com', 'api.example.com'],
    ['{{base}}', '{{base}}'],
    ['', 'New request'],
  ])('names %s "%s"', (url, expected) => {
    expect(defaultRequestName(draft(url))).toBe(expected);
  });
  it('prefers the GraphQL operation name', () => {
    const body = {
      mode: 'graphql' as const,
      query: 'query ListUsers { users { id } }',
      variables: '',
      persisted: false,
    };
    expect(defaultRequestName(draft('https://x/graphql', body))).toBe('ListUsers');
    expect(defaultRequestName(draft('https://x/graphql', { ...body, operationName: 'Chosen' }))).toBe(
      'Chosen',
    );
    expect(defaultRequestName(draft('https://x/graphql', { ...body, query: '{ users { id } }' }))).toBe(
      'graphql',
    );
    expect(defaultRequestName(draft('https://x/graphql', { ...body, query: 'query {' }))).toBe('graphql');
  });
});

const folder = (id: string, name: string, folders: Folder[] = [], requests: string[] = []): Folder =>
  ({
    id,
    name,
    folders,
    requests: requests.map((n, i) => ({ id: `${id}-${i}`, name: n, draft: draft('') })),
  }) as unknown as Folder;

const root = folder(
  'root',
  'Team',
  [folder('users', 'Users', [folder('admin', 'Admin', [], ['List'])])],
  ['Status'],
);

describe('folderChoices', () => {
  it('lists every folder by its path, the top level first', () => {
    expect(folderChoices(root, 'Team API').map((c) => c.label)).toEqual([
      'Team API (top level)',
      'Users',
      'Users / Admin',
    ]);
  });
});

describe('nameTaken', () => {
  it('compares names in one folder, ignoring case and outer spaces', () => {
    expect(nameTaken(root, 'admin', ' list ')).toBe(true);
    expect(nameTaken(root, 'users', 'List')).toBe(false);
    expect(nameTaken(root, 'root', 'Status')).toBe(true);
  });
});
