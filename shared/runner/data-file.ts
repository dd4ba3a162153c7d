import Papa from 'papaparse';
import { isValidVariableName } from '../template/scan';

/**
 * A runner's data file (issue 15 §4): CSV with a header row, or JSON as an array of flat objects.
 * Each row is one iteration; each column a variable in it. Pure: the caller reads the file.
 */
export interface DataTable {
  format: 'csv' | 'json';
  /** Variable names, in the file's order (JSON: as first met). */
  columns: string[];
  /** One per iteration; a JSON row without a key leaves that variable to the environment. */
  rows: Record<string, string>[];
}

/** What is wrong with a data file, said with the row and column: exit 2 in `lantern run`. */
export class DataFileError extends Error {}

export const MAX_DATA_ROWS = 10_000;

const NAME_RULE = 'use letters, digits, _, - and . only, as in {{name}}';

/** CSV or JSON by the file's extension; without one, by its first character (`[` is JSON). */
export function parseDataFile(fileName: string, text: string): DataTable {
  const body = text.replace(/^\uFEFF/, '');
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const json = extension === 'json' || (extension !== 'csv' && /^\s*[[{]/.test(body));
  const table = json ? parseJsonRows(fileName, body) : parseCsvRows(fileName, body);
  if (table.rows.length === 0)
    throw new DataFileError(
      `${fileName} has no data rows${json ? '' : ' under its header row'}: a run needs one row per iteration.`,
    );
  if (table.rows.length > MAX_DATA_ROWS)
    throw new DataFileError(
      `${fileName} has ${table.rows.length} rows; a run takes at most ${MAX_DATA_ROWS}. Split the file.`,
    );
  return table;
}

function checkColumns(fileName: string, header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    const name = raw.trim();
    const column = `column ${index + 1}`;
    if (name === '')
      throw new DataFileError(
        `${fileName}: the header of ${column} is empty. Every column needs a name: it becomes the variable {{name}}.`,
      );
    if (!isValidVariableName(name))
      throw new DataFileError(
        `${fileName}: the header of ${column}, "${name}", cannot be a variable name (${NAME_RULE}).`,
      );
    const first = seen.get(name);
    if (first !== undefined)
      throw new DataFileError(
        `${fileName}: columns ${first + 1} and ${index + 1} are both named "${name}"; a row would hold two values for {{${name}}}. Rename one.`,
      );
    seen.set(name, index);
    return name;
  });
}

/** CSV: the first row names the columns; quoted commas and line breaks, CRLF, and empty lines are fine. */
export function parseCsvRows(fileName: string, text: string): DataTable {
  const records: { cells: string[]; line: number }[] = [];
  // Lines are counted as rows are read, so a message names the line a row starts on.
  let counted = 0;
  let line = 1;
  let previousEnd = 0;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: ({ data, errors, meta }) => {
      let start = previousEnd;
      while (start < text.length && /[\r\n\t ]/.test(text[start] as string)) start += 1;
      for (; counted < start; counted += 1) if (text[counted] === '\n') line += 1;
      previousEnd = meta.cursor;
      const error = errors[0];
      if (error)
        throw new DataFileError(
          `${fileName}, line ${line}: this row cannot be read as CSV (${error.message.toLowerCase()}). A value with a quote must be quoted whole, its quotes doubled: "say ""hi""".`,
        );
      records.push({ cells: data, line });
    },
  });
  const [header, ...data] = records;
  if (!header)
    throw new DataFileError(`${fileName} is empty: it needs a header row, then one row per iteration.`);
  const columns = checkColumns(fileName, header.cells);
  const rows = data.map(({ cells, line: at }) => {
    if (cells.length !== columns.length)
      throw new DataFileError(
        `${fileName}, line ${at}: this row has ${cells.length} ${cells.length === 1 ? 'value' : 'values'} but the header names ${columns.length} columns. Every row needs one value per column (quote a value that holds a comma).`,
      );
    return Object.fromEntries(columns.map((name, index) => [name, cells[index] ?? '']));
  });
  return { format: 'csv', columns, rows };
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** JSON: `[{"user": "ada", "id": 1}, …]`; numbers, booleans and null become their JSON text. */
export function parseJsonRows(fileName: string, text: string): DataTable {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(
      `${fileName} is not valid JSON (${(error as Error).message}). A JSON data file is an array of objects, one per iteration.`,
    );
  }
  if (!Array.isArray(value))
    throw new DataFileError(
      `${fileName} holds ${describeType(value)}, not an array. A JSON data file is an array of objects, one per iteration: [{"name": "value"}, …].`,
    );
  const columns: string[] = [];
  const rows = value.map((item: unknown, index) => {
    const row = `row ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new DataFileError(
        `${fileName}: ${row} is ${describeType(item)}, not an object of variable names and values.`,
      );
    const out: Record<string, string> = {};
    for (const [key, cell] of Object.entries(item)) {
      if (!isValidVariableName(key))
        throw new DataFileError(
          `${fileName}: ${row} has the key "${key}", which cannot be a variable name (${NAME_RULE}).`,
        );
      if (typeof cell === 'object' && cell !== null)
        throw new DataFileError(
          `${fileName}: ${row}, "${key}" is ${describeType(cell)}; a variable holds text, so each value must be a string, number, boolean or null. Flatten it into columns of its own.`,
        );
      if (!columns.includes(key)) columns.push(key);
      out[key] = typeof cell === 'string' ? cell : JSON.stringify(cell);
    }
    return out;
  });
  return { format: 'json', columns, rows };
}
