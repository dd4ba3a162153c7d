import { describe, expect, it } from 'vitest';
import { switchBodyMode } from './body-modes';

describe('switchBodyMode', () => {
  it('keeps text between JSON and raw', () => {
    expect(switchBodyMode({ mode: 'json', text: '{"a":1}' }, 'raw')).toEqual({
      mode: 'raw',
      text: '{"a":1}',
      contentType: 'text/plain',
    });
    expect(switchBodyMode({ mode: 'raw', text: 'x', contentType: 'text/csv' }, 'json')).toEqual({
      mode: 'json',
      text: 'x',
    });
  });
  it('keeps fields between the form modes, dropping file parts going to urlencoded', () => {
    const multipart = switchBodyMode(
      { mode: 'form-urlencoded', fields: [{ name: 'a', value: '1', enabled: true }] },
      'multipart',
    );
    expect(multipart).toEqual({
      mode: 'multipart',
      fields: [{ kind: 'text', name: 'a', value: '1', enabled: true }],
    });
    expect(
      switchBodyMode(
        {
          mode: 'multipart',
          fields: [
            { kind: 'text', name: 'a', value: '1', enabled: true },
            { kind: 'file', name: 'cv', path: '/tmp/cv.pdf', enabled: true },
          ],
        },
        'form-urlencoded',
      ),
    ).toEqual({ mode: 'form-urlencoded', fields: [{ name: 'a', value: '1', enabled: true }] });
  });
  it('returns the same body when the mode does not change', () => {
    const body = { mode: 'json' as const, text: '1' };
    expect(switchBodyMode(body, 'json')).toBe(body);
  });
});
