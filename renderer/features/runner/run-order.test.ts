import { describe, expect, it } from 'vitest';
import type { Folder } from '../../../shared/model/collection';
import type { RequestDraft } from '../../../shared/model/request';
import { includedIds, moveEntry, runEntries } from './run-order';

const request = (id: string, method = 'GET') => ({
  id,
  name: `Request ${id}`,
  draft: { method, url: `{{base}}/${id}` } as RequestDraft,
  inheritAuth: true,
});
const root: Folder = {
  id: 'root',
  name: 'Workspace',
  folders: [
    {
      id: 'users',
      name: 'Users',
      folders: [{ id: 'admin', name: 'Admin', folders: [], requests: [request('a1', 'DELETE')] }],
      requests: [request('u1', 'POST'), request('u2')],
    },
  ],
  requests: [request('top')],
};

describe('runEntries', () => {
  it('lists a folder in sidebar order: sub-folders first, then its own requests, all ticked', () => {
    expect(runEntries(root, 'users')).toEqual([
      { id: 'a1', name: 'Request a1', method: 'DELETE', folder: 'Admin', included: true },
      { id: 'u1', name: 'Request u1', method: 'POST', folder: '', included: true },
      { id: 'u2', name: 'Request u2', method: 'GET', folder: '', included: true },
    ]);
  });

  it('lists the whole workspace when no folder is given, with folder trails', () => {
    expect(runEntries(root)?.map((e) => [e.id, e.folder])).toEqual([
      ['a1', 'Users/Admin'],
      ['u1', 'Users'],
      ['u2', 'Users'],
      ['top', ''],
    ]);
  });

  it('answers undefined for a folder that is no longer there', () => {
    expect(runEntries(root, 'gone')).toBeUndefined();
  });
});

describe('moveEntry and includedIds', () => {
  const list = ['a', 'b', 'c'];
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ])('moves index %i by %i', (index, delta, expected) => {
    expect(moveEntry(list, index, delta)).toEqual(expected);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('sends only the ticked requests, in the chosen order', () => {
    const entries = runEntries(root, 'users') ?? [];
    const reordered = moveEntry(entries, 2, -2).map((e) => (e.id === 'u1' ? { ...e, included: false } : e));
    expect(includedIds(reordered)).toEqual(['u2', 'a1']);
  });
});
