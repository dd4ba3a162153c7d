import { describe, expect, it } from 'vitest';
import { headersToText, textToHeaders } from './header-text';

describe('bulk-edit header text', () => {
  const rows = [
    { name: 'Accept', value: 'application/json', enabled: true },
    { name: 'X-Debug', value: '1', enabled: false },
    { name: 'X-Time', value: '12:30:00', enabled: true },
  ];
  it('writes one line per header, disabled ones commented out', () => {
    expect(headersToText(rows)).toBe('Accept: application/json\n// X-Debug: 1\nX-Time: 12:30:00');
  });
  it('reads it back, splitting at the first colon only', () => {
    expect(textToHeaders(headersToText(rows))).toEqual(rows);
  });
  it('keeps a line without a colon as a name with an empty value, and skips blank lines', () => {
    expect(textToHeaders('X-Flag\n\n  \r\nA:b')).toEqual([
      { name: 'X-Flag', value: '', enabled: true },
      { name: 'A', value: 'b', enabled: true },
    ]);
  });
});
