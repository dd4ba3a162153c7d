import { describe, expect, it } from 'vitest';
import { JsonPrettyPrinter, JsonSyntaxError, MAX_DEPTH } from './json-pretty';

function pretty(text: string, chunk = 3): string {
  const printer = new JsonPrettyPrinter();
  const bytes = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk)
    parts.push(Buffer.from(printer.push(bytes.subarray(i, i + chunk))));
  parts.push(Buffer.from(printer.end()));
  return Buffer.concat(parts).toString('utf8');
}

function failure(text: string): string {
  try {
    pretty(text);
  } catch (error) {
    expect(error).toBeInstanceOf(JsonSyntaxError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${text}`);
}

describe('JsonPrettyPrinter', () => {
  it.each([
    '{"a":[1,2,{"b":null,"c":[]},{}],"d":"x\\"y","e":-1.5,"f":true,"g":false}',
    '[]',
    '{}',
    '"just a string"',
    ' 42 ',
    '[[[]],[{}],[[1]]]',
    '{"é":"ü € 😀","tab\\t":"\\\\"}',
    '\n{ "spaced" :\t[ 1 , 2 ] }\r\n',
  ])('formats %s as JSON.stringify(…, null, 2) does, whatever the chunking', (text) => {
    const expected = JSON.stringify(JSON.parse(text), null, 2);
    for (const chunk of [1, 3, 1000]) expect(pretty(text, chunk)).toBe(expected);
  });

  it('keeps escapes and numbers exactly as written', () => {
    expect(pretty('["\\u00e9",1.50]')).toBe('[\n  "\\u00e9",\n  1.50\n]');
    const numbers = '[0,-0,1e5,1E-5,0.25,123456789012345678901234567890]';
    expect(pretty(numbers)).toBe(
      `[\n${numbers
        .slice(1, -1)
        .split(',')
        .map((n) => `  ${n}`)
        .join(',\n')}\n]`,
    );
  });

  it.each([
    ['{"a":}', "'}' where a value was expected (line 1, column 6, byte 5)"],
    ['[1,]', "']' where a value was expected"],
    ['{"a" 1}', "'1' where ':' was expected"],
    ['{a:1}', "'a' where a quoted key or '}' was expected"],
    ['[1 2]', "'2' where ',' or the end of the object or array was expected"],
    ['[1}', "'}' where ',' or the end of the object or array was expected"],
    ['tru', '"tru", which is not a JSON number, true, false or null'],
    ['01', '"01", which is not a JSON number'],
    ['[1] x', "'x' where nothing more was expected"],
    ['{"a":"\u0001"}', 'a control character inside a string'],
    ['"\\x"', 'an unknown escape "\\\'x\'"'],
    ['"\\u12g4"', 'a \\u escape without four hex digits'],
    ['[\n  1,\n  oops]', "'o' where a value was expected (line 3, column 3, byte 9)"],
    ['[', "the body ends where a value or ']' was expected"],
    ['"abc', 'the body ends inside a string'],
    ['', 'the body ends where a value was expected'],
  ])('rejects %j: %s', (text, message) => {
    const got = failure(text);
    expect(got).toMatch(/^The body is not valid JSON: /);
    expect(got).toContain(message);
  });

  it('refuses nesting deeper than its limit instead of growing without bound', () => {
    expect(failure('['.repeat(MAX_DEPTH + 1))).toContain(`nesting deeper than ${MAX_DEPTH} levels`);
  });
});
