import { describe, expect, it } from 'vitest';
import { DataFileError, parseDataFile } from './data-file';

const fails = (fileName: string, text: string) => {
  try {
    parseDataFile(fileName, text);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return (error as Error).message;
  }
  throw new Error('expected the data file to be refused');
};

describe('CSV data files', () => {
  it('reads a header row as variable names, with a BOM, CRLF, quoted commas, quotes and empty lines', () => {
    const text =
      '\uFEFFuser,note\r\nada,"hello, world"\r\n\r\ngrace,"say ""hi"""\r\n   \r\nlin,"two\nlines"\r\n';
    expect(parseDataFile('users.csv', text)).toEqual({
      format: 'csv',
      columns: ['user', 'note'],
      rows: [
        { user: 'ada', note: 'hello, world' },
        { user: 'grace', note: 'say "hi"' },
        { user: 'lin', note: 'two\nlines' },
      ],
    });
  });

  it('keeps empty values and spaces inside values', () => {
    expect(parseDataFile('a.csv', 'a,b\n, x \n').rows).toEqual([{ a: '', b: ' x ' }]);
  });

  it('names the line of a ragged row, counting empty lines and line breaks inside quotes', () => {
    expect(fails('users.csv', 'user,id\n\n"a\nb",1\nada\n')).toBe(
      'users.csv, line 5: this row has 1 value but the header names 2 columns. Every row needs one value per column (quote a value that holds a comma).',
    );
    expect(fails('users.csv', 'user,id\nada,1,extra\n')).toMatch(
      /^users\.csv, line 2: this row has 3 values/,
    );
  });

  it('refuses empty, duplicate and unusable headers, naming the column', () => {
    expect(fails('d.csv', 'user,,id\n1,2,3')).toMatch(/the header of column 2 is empty/);
    expect(fails('d.csv', 'user,id,user\n1,2,3')).toBe(
      'd.csv: columns 1 and 3 are both named "user"; a row would hold two values for {{user}}. Rename one.',
    );
    expect(fails('d.csv', 'user id\n1')).toMatch(
      /the header of column 1, "user id", cannot be a variable name/,
    );
  });

  it('refuses a file without rows, and an unterminated quote with its line', () => {
    expect(fails('d.csv', '')).toBe('d.csv is empty: it needs a header row, then one row per iteration.');
    expect(fails('d.csv', 'user\n')).toBe(
      'd.csv has no data rows under its header row: a run needs one row per iteration.',
    );
    expect(fails('d.csv', 'user,id\nada,1\n"grace,2\n')).toMatch(
      /^d\.csv, line 3: this row cannot be read as CSV/,
    );
  });
});

describe('JSON data files', () => {
  it('reads an array of flat objects; other values become the text JSON prints', () => {
    const text =
      '[{"user":"ada","id":1,"admin":true,"score":1.5e3,"manager":null},{"user":"grace","extra":"x"}]';
    expect(parseDataFile('users.json', text)).toEqual({
      format: 'json',
      columns: ['user', 'id', 'admin', 'score', 'manager', 'extra'],
      rows: [
        { user: 'ada', id: '1', admin: 'true', score: '1500', manager: 'null' },
        { user: 'grace', extra: 'x' },
      ],
    });
  });

  it('is recognised by its first character when the name has no extension', () => {
    expect(parseDataFile('pasted', ' [{"a":"b"}]').format).toBe('json');
    expect(parseDataFile('pasted', 'a\nb').format).toBe('csv');
  });

  it('says what is wrong: not JSON, not an array, a row or a value of the wrong kind', () => {
    expect(fails('d.json', '[{"a":1},]')).toMatch(
      /^d\.json is not valid JSON \(.+\)\. A JSON data file is an array/,
    );
    expect(fails('d.json', '{"a":1}')).toMatch(/^d\.json holds an object, not an array\./);
    expect(fails('d.json', '[{"a":1}, 5]')).toBe(
      'd.json: row 2 is a number, not an object of variable names and values.',
    );
    expect(fails('d.json', '[{"a":{"b":1}}]')).toMatch(
      /^d\.json: row 1, "a" is an object; a variable holds text.+Flatten it/,
    );
    expect(fails('d.json', '[{"a":[1]}]')).toMatch(/"a" is an array/);
    expect(fails('d.json', '[{"a b":1}]')).toMatch(
      /row 1 has the key "a b", which cannot be a variable name/,
    );
    expect(fails('d.json', '[]')).toBe('d.json has no data rows: a run needs one row per iteration.');
  });
});
