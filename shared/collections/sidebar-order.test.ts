import { describe, expect, it } from 'vitest';
import type { Folder, SavedRequest } from '../model/collection';
import { sidebarOrder } from './sidebar-order';

const request = (id: string): SavedRequest => ({
  id,
  name: id,
  draft: {
    method: 'GET',
    url: `https://example.com/${id}`,
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'none' },
  },
  inheritAuth: true,
});
const folder = (id: string, folders: Folder[], requests: SavedRequest[]): Folder => ({
  id,
  name: id.toUpperCase(),
  folders,
  requests,
});

describe('sidebarOrder', () => {
  it("lists subfolders (with all they hold) before a folder's own requests, as the sidebar draws them", () => {
    const root = folder(
      'root',
      [
        folder('a', [folder('a1', [], [request('deep')])], [request('a-own')]),
        folder('b', [], [request('b-own')]),
      ],
      [request('top-1'), request('top-2')],
    );
    expect(sidebarOrder(root).map((r) => [r.request.id, r.folder])).toEqual([
      ['deep', 'A/A1'],
      ['a-own', 'A'],
      ['b-own', 'B'],
      ['top-1', ''],
      ['top-2', ''],
    ]);
  });

  it('starts the folder trail where it is told (a run of one folder)', () => {
    const sub = folder('sub', [], [request('x')]);
    expect(sidebarOrder(sub, ['Admin', 'SUB'])).toEqual([{ request: sub.requests[0], folder: 'Admin/SUB' }]);
  });
});
