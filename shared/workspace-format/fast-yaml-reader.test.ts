import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readOwnYaml } from './fast-yaml-reader';
import { writeYaml } from './yaml-io';

// Deterministic pseudo-random strings full of what trips YAML up.
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pieces = [
    'a',
    'Z',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\t',
    ':',
    ': ',
    '#',
    ' #',
    '-',
    '- ',
    '"',
    "'",
    '\\',
    '{',
    '}',
    '[',
    ']',
    '|',
    '>',
    '&',
    '*',
    '!',
    '%',
    '@',
    '`',
    '?',
    ',',
    'true',
    'null',
    '~',
    '1',
    '0x1F',
    '1e3',
    '.inf',
    'é',
    '😀',
    '\r',
    '\u0007',
    '---',
    '...',
  ];
  const text = (): string => {
    const length = Math.floor(next() * 8);
    let out = '';
    for (let i = 0; i < length; i += 1) out += pieces[Math.floor(next() * pieces.length)];
    return out;
  };
  const value = (depth: number): unknown => {
    const pick = next();
    if (depth > 2 || pick < 0.5)
      return pick < 0.1 ? next() < 0.5 : pick < 0.15 ? Math.floor(next() * 1000) : text();
    if (pick < 0.75) return Array.from({ length: Math.floor(next() * 3) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = 0; i < Math.floor(next() * 4); i += 1) object[`key${i}`] = value(depth + 1);
    return object;
  };
  return value;
}

describe('readOwnYaml', () => {
  it('agrees with the yaml package on everything Lantern writes (2,000 random documents)', () => {
    const value = generator(42);
    let fastPath = 0;
    for (let i = 0; i < 2_000; i += 1) {
      const document = { id: `r${i}`, a: value(0), b: value(0), c: value(1) };
      const text = writeYaml(document);
      const fast = readOwnYaml(text);
      if (fast === undefined) continue;
      fastPath += 1;
      expect(fast, text).toEqual(parse(text));
    }
    // Most of our own output must take the fast path, or opening big workspaces is slow.
    expect(fastPath).toBeGreaterThan(1_200);
  });

  it.each([
    ['a comment', 'name: x # note\n'],
    ['a flow mapping over two lines', 'auth: { type: none,\n  x: 1 }\n'],
    ['a flow mapping with a null value', 'auth: { type: null }\n'],
    ['a plain flow key with a colon inside', 'a: {b:c: 1}\n'],
    ['a comment after a flow sequence', 'a: [1, 2] # two\n'],
    ['a trailing comma in a flow sequence', 'a: [1, 2,]\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a folded block', 'text: >\n  a\n  b\n'],
    ['a multi-line plain scalar', 'text: a\n  b\n'],
    ['a sequence not indented under its key', 'list:\n- a\n- b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a non-string plain scalar', 'a: 1.5\n'],
    ['CRLF line ends', 'a: b\r\n'],
  ])('leaves %s to the full parser', (_what, text) => {
    expect(readOwnYaml(text)).toBeUndefined();
  });

  it('agrees with the yaml package when comment lines are added anywhere (2,000 documents)', () => {
    const value = generator(7);
    let fastPath = 0;
    for (let i = 0; i < 2_000; i += 1) {
      const lines = writeYaml({ id: `r${i}`, a: value(0), b: value(0), c: value(1) }).split('\n');
      // A comment line at a random place and indentation: between entries it is a comment,
      // inside a literal block it is text; the fast reader must read it as the yaml package does.
      const at = (i * 7919) % lines.length;
      const indent = ' '.repeat((i * 31) % 7);
      lines.splice(at, 0, `${indent}# note ${i}: checked by hand`);
      const text = lines.join('\n');
      const fast = readOwnYaml(text);
      if (fast === undefined) continue;
      fastPath += 1;
      expect(fast, text).toEqual(parse(text));
    }
    expect(fastPath).toBeGreaterThan(1_000);
  });

  it('agrees with the yaml package on one-line flow collections (2,000 documents)', () => {
    const value = generator(11);
    let fastPath = 0;
    for (let i = 0; i < 2_000; i += 1) {
      // JSON is flow YAML; the second list is written the way a person would, unquoted.
      const items = Array.from({ length: i % 4 }, () => value(3)).map((v) => String(v));
      const text = `id: r${i}\nheaders: ${JSON.stringify(value(0))}\ntags: [${items.join(', ')}]\n`;
      let expected: unknown;
      try {
        expected = parse(text, { logLevel: 'error' });
      } catch {
        expect(readOwnYaml(text), text).toBeUndefined();
        continue;
      }
      const fast = readOwnYaml(text);
      if (fast === undefined) continue;
      fastPath += 1;
      expect(fast, text).toEqual(expected);
    }
    expect(fastPath).toBeGreaterThan(600);
  });

  it('reads a hand-edited request: a comment line and the headers as a flow list', () => {
    const text = [
      '# Checked by hand against the API docs.',
      'id: req_1',
      'method: GET',
      'headers: [{"name":"Accept","value":"application/json"}, { name: X-Debug, value: "1", enabled: false }]',
      'body:',
      '  mode: json',
      '  text: |',
      '    {',
      '    # not a comment: part of the body',
      '    }',
      '  # a comment after the block',
      'tags: []',
      '',
    ].join('\n');
    expect(readOwnYaml(text)).toEqual(parse(text));
    expect(readOwnYaml(text)).toMatchObject({
      headers: [{ name: 'Accept' }, { name: 'X-Debug', value: '1', enabled: false }],
      body: { text: '{\n# not a comment: part of the body\n}\n' },
    });
  });

  it('reads literal blocks with every chomping indicator like the yaml package', () => {
    for (const text of [
      'a: |\n  x\n\n\nb: 1\n',
      'a: |-\n  x\n  y\n',
      'a: |+\n  x\n\n',
      'a: |2\n    lead\n  x\n',
      'a:\n  - name: n\n    v: |\n      t\n',
    ]) {
      expect(readOwnYaml(text), text).toEqual(parse(text));
    }
  });
});
