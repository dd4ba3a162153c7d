import { describe, expect, it } from 'vitest';
import { moveTo, nextActiveAfterClose, othersThan, placeOpenedTab, rightOf } from './tab-list';

const tab = (id: string, preview = false) => ({ id, preview });
const ids = (tabs: { id: string }[]) => tabs.map((t) => t.id);

describe('placeOpenedTab', () => {
  it('appends a pinned tab', () => {
    const { tabs, replaced } = placeOpenedTab([tab('a'), tab('b', true)], tab('c'), undefined);
    expect(ids(tabs)).toEqual(['a', 'b', 'c']);
    expect(replaced).toBeUndefined();
  });
  it('puts a preview tab in the place of the current preview tab', () => {
    const { tabs, replaced } = placeOpenedTab(
      [tab('a'), tab('b', true), tab('c')],
      tab('d', true),
      undefined,
    );
    expect(ids(tabs)).toEqual(['a', 'd', 'c']);
    expect(replaced?.id).toBe('b');
  });
  it('appends a preview tab when no tab is a preview', () => {
    expect(ids(placeOpenedTab([tab('a')], tab('d', true), undefined).tabs)).toEqual(['a', 'd']);
  });
  it('swaps out a replaceable blank tab', () => {
    const blank = tab('blank');
    expect(ids(placeOpenedTab([tab('a'), blank], tab('d'), blank).tabs)).toEqual(['a', 'd']);
  });
  it('prefers the preview tab over the blank one', () => {
    const blank = tab('blank');
    expect(ids(placeOpenedTab([tab('p', true), blank], tab('d', true), blank).tabs)).toEqual(['d', 'blank']);
  });
});

describe('moveTo', () => {
  const list = [tab('a'), tab('b'), tab('c'), tab('d')];
  it.each([
    ['a', 2, ['b', 'c', 'a', 'd']],
    ['d', 0, ['d', 'a', 'b', 'c']],
    ['b', 99, ['a', 'c', 'd', 'b']],
    ['c', -3, ['c', 'a', 'b', 'd']],
    ['zz', 1, ['a', 'b', 'c', 'd']],
  ])('moves %s to %i', (id, to, expected) => {
    expect(ids(moveTo(list, id, to))).toEqual(expected);
  });
});

describe('close sets', () => {
  const list = [tab('a'), tab('b'), tab('c')];
  it('names the others and those to the right', () => {
    expect(othersThan(list, 'b')).toEqual(['a', 'c']);
    expect(rightOf(list, 'a')).toEqual(['b', 'c']);
    expect(rightOf(list, 'c')).toEqual([]);
  });
  it('activates the right neighbour, else the left, else none', () => {
    expect(nextActiveAfterClose(list, 'b', new Set(['b']))).toBe('c');
    expect(nextActiveAfterClose(list, 'c', new Set(['c']))).toBe('b');
    expect(nextActiveAfterClose(list, 'a', new Set(['b']))).toBe('a');
    expect(nextActiveAfterClose(list, 'a', new Set(['a', 'b', 'c']))).toBeUndefined();
  });
});
