import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, presentBody, statusClass } from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [3_200, '3.1 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [150 * 1024 * 1024, '150 MB'],
  ])('%d bytes → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0.4, '0 ms'],
    [142.3, '142 ms'],
    [1500, '1.50 s'],
    [12_345, '12.3 s'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('statusClass', () => {
  it.each([
    [101, 'informational'],
    [200, 'success'],
    [302, 'redirect'],
    [418, 'client-error'],
    [503, 'server-error'],
  ] as const)('%d → %s', (status, cls) => expect(statusClass(status)).toBe(cls));
});

describe('presentBody', () => {
  it('pretty-prints JSON', () => {
    expect(presentBody('{"a":[1,2]}', 'application/json')).toEqual({
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
      language: 'json',
    });
  });
  it('keeps broken JSON as received, with a note', () => {
    const shown = presentBody('{"a":', 'application/json; charset=utf-8');
    expect(shown.text).toBe('{"a":');
    expect(shown.note).toMatch(/does not parse/);
  });
  it('guesses JSON when there is no content type', () => {
    expect(presentBody('[1]', '').language).toBe('json');
  });
  it('names HTML and XML for highlighting', () => {
    expect(presentBody('<p>x</p>', 'text/html').language).toBe('html');
    expect(presentBody('<a/>', 'application/xml').language).toBe('xml');
  });
});
