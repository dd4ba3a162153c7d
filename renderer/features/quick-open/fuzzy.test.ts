import { describe, expect, it } from 'vitest';
import { fuzzyScore, rankByQuery } from './fuzzy';

describe('fuzzyScore', () => {
  it.each([
    ['List users', 'users', true],
    ['List users', 'lius', true],
    ['core_user_create', 'cuc', true],
    ['occurrence', 'cuc', false],
    ['List users', 'LIST', true],
    ['List users', 'list users', true],
    ['List users', 'usl', false],
    ['Create course', 'xyz', false],
    ['anything', '', true],
  ])('%s ~ %s: %s', (text, query, matches) => {
    expect(fuzzyScore(text, query) !== undefined).toBe(matches);
  });

  it('ranks a substring above scattered letters, and a word start above the middle of a word', () => {
    expect(fuzzyScore('status', 'stat')!).toBeGreaterThan(fuzzyScore('s_t_a_t', 'stat')!);
    expect(fuzzyScore('get user', 'user')!).toBeGreaterThan(fuzzyScore('superuser', 'user')!);
  });
});

describe('rankByQuery', () => {
  const items = [
    { label: 'Totara status', detail: 'POST {{base}}/api/graphql.php' },
    { label: 'List users', detail: 'GET {{ihasco}}/users' },
    { label: 'Create user', detail: 'POST {{ihasco}}/users' },
    { label: 'Token', detail: 'POST {{base}}/oauth2/token' },
  ];
  const text = (item: (typeof items)[number]) => item;

  it('finds by part of the name, best first', () => {
    expect(rankByQuery(items, 'user', text, 10).map((i) => i.label)).toEqual(['List users', 'Create user']);
  });

  it('finds by the URL when the name does not match, below name matches', () => {
    expect(rankByQuery(items, 'graphql', text, 10).map((i) => i.label)).toEqual(['Totara status']);
    expect(rankByQuery(items, 'token', text, 10).map((i) => i.label)[0]).toBe('Token');
  });

  it('keeps the given order for an empty query, up to the limit', () => {
    expect(rankByQuery(items, '', text, 2).map((i) => i.label)).toEqual(['Totara status', 'List users']);
  });
});
