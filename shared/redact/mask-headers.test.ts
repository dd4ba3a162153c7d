import { describe, expect, it } from 'vitest';
import { maskHeaders, maskValue } from './mask-headers';

describe('maskValue', () => {
  it('masks every cookie value of a Cookie header by name, short or long, known or not', () => {
    expect(maskValue('Cookie', 'theme=dark; MoodleSession=q2b5r7t9v1x3z5a7', [])).toBe(
      'theme=••••; MoodleSession=••••z5a7',
    );
  });

  it('still masks the other cookie values when one of them is a known secret', () => {
    expect(maskValue('cookie', 'sid=abc123; MoodleSession=q2b5r7t9v1x3z5a7', ['q2b5r7t9v1x3z5a7'])).toBe(
      'sid=••••; MoodleSession=••••z5a7',
    );
  });

  it('masks the value of a Set-Cookie header, not its attributes, unless they hold a secret', () => {
    expect(maskValue('Set-Cookie', 'theme=dark; Path=/; Max-Age=60', [])).toBe(
      'theme=••••; Path=/; Max-Age=60',
    );
    expect(maskValue('set-cookie', 'a=1; Domain=secret-host-1234.example', ['secret-host-1234'])).toBe(
      'a=••••; Domain=••••1234.example',
    );
  });

  it('keeps the scheme of a credential header and masks known secrets in any header', () => {
    expect(maskValue('Authorization', 'Bearer tok-1234567890', [])).toBe('Bearer ••••7890');
    expect(maskValue('X-Echo', 'got tok-1234567890 back', ['tok-1234567890'])).toBe('got ••••7890 back');
    expect(maskValue('Content-Type', 'application/json', ['tok-1234567890'])).toBe('application/json');
  });
});

describe('maskHeaders', () => {
  it('masks each header on its own', () => {
    expect(
      maskHeaders(
        [
          ['Cookie', 'lang=en-US'],
          ['Accept', 'application/json'],
        ],
        [],
      ),
    ).toEqual([
      ['Cookie', 'lang=••••'],
      ['Accept', 'application/json'],
    ]);
  });
});
