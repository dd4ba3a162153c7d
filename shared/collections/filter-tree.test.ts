import { describe, expect, it } from 'vitest';
import { filterTree } from './filter-tree';
import { sampleRequest } from '../workspace-format/sample-request.fixture';
import type { Folder } from '../workspace-format/types';

const request = (id: string, name: string, method: string, url: string) =>
  sampleRequest({ id, name, draft: { ...sampleRequest().draft, method, url } });

const tree: Folder = {
  id: 'root',
  name: 'Payments workspace',
  folders: [
    {
      id: 'users',
      name: 'Users',
      folders: [
        {
          id: 'admin',
          name: 'Admin',
          folders: [],
          requests: [request('ban', 'Ban user', 'POST', 'https://x/admin/ban')],
        },
      ],
      requests: [request('list', 'List users', 'GET', 'https://x/users')],
    },
    {
      id: 'orders',
      name: 'Orders',
      folders: [],
      requests: [request('refund', 'Refund', 'DELETE', 'https://x/orders/1')],
    },
  ],
  requests: [request('health', 'Health', 'GET', 'https://x/health')],
};

const ids = (folder: Folder): string[] => [
  ...folder.requests.map((r) => r.id),
  ...folder.folders.flatMap((f) => [`${f.id}/`, ...ids(f)]),
];

describe('filterTree', () => {
  it.each([
    ['', ['health', 'users/', 'list', 'admin/', 'ban', 'orders/', 'refund']],
    ['BAN', ['users/', 'admin/', 'ban']],
    ['post', ['users/', 'admin/', 'ban']],
    ['delete', ['orders/', 'refund']],
    ['/health', ['health']],
    ['get users', ['users/', 'list']],
    ['admin', ['users/', 'admin/', 'ban']],
    ['payments', []],
    ['nothing-like-this', []],
  ])('"%s" keeps %j', (query, expected) => {
    expect(ids(filterTree(tree, query))).toEqual(expected);
  });

  it('does not change the tree it is given', () => {
    const before = structuredClone(tree);
    filterTree(tree, 'ban');
    expect(tree).toEqual(before);
  });
});
