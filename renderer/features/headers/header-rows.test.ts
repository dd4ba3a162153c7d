import { describe, expect, it } from 'vitest';
import type { HeaderExplanation } from '../../../shared/headers';
import { buildRows, countWarnings, filterRows, sortRows } from './header-rows';

const HEADERS: [string, string][] = [
  ['Date', 'Mon, 01 Jul 2013 17:00:02 GMT'],
  ['Content-type', 'application/json; charset=utf-8'],
  ['Set-Cookie', 'MoodleSession=abc; path=/'],
  ['cache-control', 'no-store, no-cache, must-revalidate'],
  ['set-cookie', 'MOODLEID1_=def; path=/'],
  ['X-Content-Type-Options', 'nosniff'],
];
const warning: HeaderExplanation = {
  name: 'Date',
  title: 't',
  summary: 's',
  category: 'other',
  severity: 'warning',
};
const rows = buildRows(HEADERS, [warning, undefined, undefined, undefined, undefined, undefined]);

describe('header rows', () => {
  it('gives repeated headers unique test ids, the first keeping the plain name', () => {
    expect(rows.map((row) => row.testId)).toEqual([
      'date',
      'content-type',
      'set-cookie',
      'cache-control',
      'set-cookie-2',
      'x-content-type-options',
    ]);
    expect(rows[0]?.explanation).toBe(warning);
    expect(rows[1]).not.toHaveProperty('explanation');
  });

  it.each<['name' | 'received', string[]]>([
    ['name', ['cache-control', 'Content-type', 'Date', 'Set-Cookie', 'set-cookie', 'X-Content-Type-Options']],
    ['received', HEADERS.map(([name]) => name)],
  ])('sorts by %s', (order, names) => {
    expect(sortRows(rows, order).map((row) => row.name)).toEqual(names);
    expect(sortRows(sortRows(rows, 'name'), order).map((row) => row.name)).toEqual(names);
  });

  it.each<[string, string[]]>([
    ['', HEADERS.map(([name]) => name)],
    ['COOKIE', ['Set-Cookie', 'set-cookie']],
    ['no-cache', ['cache-control']],
    ['  moodle ', ['Set-Cookie', 'set-cookie']],
    ['content-type', ['Content-type', 'X-Content-Type-Options']],
    ['nothing like this', []],
  ])('filters by %j on name or value', (query, names) => {
    expect(filterRows(rows, query).map((row) => row.name)).toEqual(names);
  });

  it('counts warnings', () => {
    expect(countWarnings(rows)).toBe(1);
  });
});
