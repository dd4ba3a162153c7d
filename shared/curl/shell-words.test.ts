import { describe, expect, it } from 'vitest';
import { detectDialect, splitShellWords } from './shell-words';

const words = (text: string, dialect: 'bash' | 'cmd') => {
  const result = splitShellWords(text, dialect);
  if (!result.ok) throw new Error(result.error);
  return result.words;
};

describe('bash words', () => {
  it.each([
    ['plain words', 'curl -s https://x.test', ['curl', '-s', 'https://x.test']],
    ['single quotes keep everything', `curl 'a "b" $c \\d'`, ['curl', 'a "b" $c \\d']],
    ['double quotes with escapes', String.raw`curl "a \"b\" \\ \$c \` \x"`, ['curl', 'a "b" \\ $c ` \\x']],
    ['adjacent pieces make one word', `curl 'a'"b"c$'d'`, ['curl', 'abcd']],
    ['empty quotes are a word', `curl -H '' x`, ['curl', '-H', '', 'x']],
    ['unquoted backslash escapes', String.raw`curl a\ b \'c`, ['curl', 'a b', "'c"]],
    ['continuation lines', "curl 'u' \\\n  -H 'a: b' \\\r\n  -k", ['curl', 'u', '-H', 'a: b', '-k']],
    ['continuation inside double quotes', 'curl "a\\\nb"', ['curl', 'ab']],
    ['blank lines before the command', '\n\n  curl x\n', ['curl', 'x']],
    ['a comment', 'curl x # fetch the users', ['curl', 'x']],
    ['a # inside a word', 'curl http://x/#top', ['curl', 'http://x/#top']],
    ['quoted newlines stay', "curl 'a\nb'", ['curl', 'a\nb']],
  ])('%s', (_what, text, expected) => {
    expect(words(text, 'bash')).toEqual(expected);
  });

  it.each([
    ['\\\\ \\\' \\"', `\\ ' "`],
    ['\\n\\r\\t\\v\\f\\a\\b\\e\\E', '\n\r\t\v\f\x07\b\x1b\x1b'],
    ['\\x41\\x4a\\x4', 'AJ\x04'],
    ['\\101\\0\\7', 'A\0\x07'],
    ['\\u0021 \\u00e9 \\U0001F600', '! é 😀'],
    ['\\xc3\\xa9', 'é'],
    ['Zo\\xeb', 'Zoë'],
    ['\\cA\\?', '\x01?'],
    ['\\q \\x', '\\q \\x'],
  ])("ANSI-C $'%s'", (body, expected) => {
    expect(words(`curl $'${body}'`, 'bash')).toEqual(['curl', expected]);
  });

  it.each([
    ['|', "curl 'u' | jq .", '|', 'jq .'],
    ['&', 'curl http://x/?a=1&b=2', '&', 'b=2'],
    [';', 'curl u; echo done', ';', 'echo done'],
    ['>', 'curl u > out.json', '>', 'out.json'],
    ['newline', 'curl u\necho done', 'newline', 'echo done'],
  ])('stops at %s', (_what, text, operator, rest) => {
    const result = splitShellWords(text, 'bash');
    expect(result).toMatchObject({ ok: true, stoppedAt: { operator, rest } });
  });

  it('notes shell variables it does not expand', () => {
    const result = splitShellWords('curl -H "Authorization: Bearer $TOKEN" \'$NOT\' ${HOST}/x', 'bash');
    expect(result.ok && result.words).toEqual([
      'curl',
      '-H',
      'Authorization: Bearer $TOKEN',
      '$NOT',
      '${HOST}/x',
    ]);
    expect(result.ok && result.notes).toEqual([
      expect.stringMatching(/^\$TOKEN is shell syntax/),
      expect.stringMatching(/^\$\{HOST\} is shell syntax/),
    ]);
  });

  it.each([
    ["'", "curl 'https://x", /the ' opened at line 1, column 6 is never closed/],
    ['"', 'curl \\\n  -d "{', /the " opened at line 2, column 6/],
    ["$'", "curl $'abc\\'", /the \$' opened at line 1, column 6/],
  ])('refuses an unterminated %s', (_quote, text, message) => {
    const result = splitShellWords(text, 'bash');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('Windows cmd words', () => {
  it.each([
    ['caret quotes', 'curl ^"https://x.test/^"', ['curl', 'https://x.test/']],
    ['escaped quote and backslash', String.raw`curl ^"a^\^"b^\^\c^"`, ['curl', 'a"b\\c']],
    ['a caret before any character', 'curl ^"^{^}^&^|^<^>^!^"', ['curl', '{}&|<>!']],
    ['percent broken up', 'curl ^"a^%^20b %^PATH%^"', ['curl', 'a%20b %PATH%']],
    ['continuation lines', 'curl ^"u^" ^\n  -H ^"a: b^" ^\r\n  -k', ['curl', 'u', '-H', 'a: b', '-k']],
    ['a newline inside a value', 'curl ^"a^\n\nb^"', ['curl', 'a\nb']],
    [
      'plain double quotes',
      'curl.exe "https://x.test" -d "{\\"a\\":1}"',
      ['curl.exe', 'https://x.test', '-d', '{"a":1}'],
    ],
    ['a doubled quote inside quotes (Firefox)', 'curl ^"say ""hi""^"', ['curl', 'say "hi"']],
    ['a backslash before the closing quote', String.raw`curl ^"C:^\^\dir^\^\^"`, ['curl', 'C:\\dir\\']],
    ['an unquoted backslash stays', String.raw`curl C:\dir\file`, ['curl', 'C:\\dir\\file']],
    ['an unescaped & inside a quoted value', 'curl ^"https://x/?a=1&b=2^"', ['curl', 'https://x/?a=1&b=2']],
  ])('%s', (_what, text, expected) => {
    expect(words(text, 'cmd')).toEqual(expected);
  });

  it('stops at an unescaped & outside quotes', () => {
    expect(splitShellWords('curl https://x/?a=1&b=2', 'cmd')).toMatchObject({
      ok: true,
      words: ['curl', 'https://x/?a=1'],
      stoppedAt: { operator: '&', rest: 'b=2' },
    });
  });

  it('refuses an unterminated quote with its position', () => {
    const result = splitShellWords('curl ^"https://x^" ^\n  -H ^"a: b', 'cmd');
    expect(!result.ok && result.error).toMatch(/the " opened at line 2, column 7 is never closed/);
  });
});

describe('detectDialect', () => {
  it.each([
    ['Chrome cmd', 'curl ^"https://x^" ^\n  -H ^"a: b^"', 'cmd'],
    ['cmd continuation only', 'curl https://x ^\n  -k', 'cmd'],
    ['curl.exe with double quotes', 'curl.exe "https://x" -H "a: b"', 'cmd'],
    ['Chrome bash', "curl 'https://x' \\\n  -H 'a: b'", 'bash'],
    ['ANSI-C first argument', "curl $'https://x'", 'bash'],
    ['bash whose value contains ^"', `curl 'https://x' -d '{"a":"^"}'`, 'bash'],
    ['bare words', 'curl https://x', 'bash'],
    ['curl.exe with single quotes', "curl.exe 'https://x'", 'bash'],
  ])('%s → %s', (_what, text, dialect) => {
    expect(detectDialect(text)).toBe(dialect);
  });
});
