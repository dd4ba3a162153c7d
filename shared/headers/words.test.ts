import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, listInWords, relativeTime, splitList } from './words';

describe('wording helpers', () => {
  it.each([
    [0, '0 s'],
    [42_000, '42 s'],
    [90_000, '1 min 30 s'],
    [2_873_000, '47 min 53 s'],
    [3_600_000, '1 h'],
    [90_061_000, '1 day 1 h'],
    [31_536_000_000, '1 year'],
    [-600_000, '10 min'],
  ])('formatDuration(%d) = %s', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });

  it.each([
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [3174, '3,174 bytes (3.1 KB)'],
    [104_857_600, '104,857,600 bytes (100.0 MB)'],
  ])('formatBytes(%d) = %s', (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
  });

  it('relativeTime', () => {
    expect(relativeTime(10_000, 0)).toBe('in 10 s');
    expect(relativeTime(0, 120_000)).toBe('2 min ago');
    expect(relativeTime(500, 0)).toBe('now');
  });

  it('listInWords and splitList', () => {
    expect(listInWords(['GET'])).toBe('GET');
    expect(listInWords(['GET', 'POST', 'PUT'])).toBe('GET, POST and PUT');
    expect(splitList('a, "b, c",, d')).toEqual(['a', '"b, c"', 'd']);
  });
});
