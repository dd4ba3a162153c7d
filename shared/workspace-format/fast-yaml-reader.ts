/**
 * A fast reader for the YAML subset Lantern itself writes (block mappings and sequences, plain,
 * quoted and literal block scalars), plus what a person editing by hand most often adds: full-line
 * comments and one-line flow collections (`[a, b]`, `{ "name": "x" }`). The `yaml` package takes
 * ~0.2 ms per small file on a 2-core machine, too slow to open 5,000 requests in a second; this
 * reads them ~10x faster. Anything else (trailing comments, anchors, multi-line flow collections,
 * folded scalars, odd indentation…) makes it give up and return undefined: the caller then uses
 * the full parser, so every valid file still loads. Differential tests check it agrees with `yaml`.
 */

class OutsideSubset extends Error {}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: |$)/;
/** Plain scalars the YAML 1.2 core schema resolves to something other than a string. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|True|TRUE|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';

interface Line {
  indent: number;
  /** '' for a blank line or a comment line (content of a literal block keeps `raw`). */
  text: string;
  raw: string;
}

class Reader {
  private pos = 0;

  constructor(private readonly lines: Line[]) {}

  private get current(): Line | undefined {
    return this.lines[this.pos];
  }

  /** Skips blank lines between entries (never inside a block scalar). */
  private skipBlank(): void {
    while (this.current !== undefined && this.current.text === '') this.pos += 1;
  }

  readDocument(): unknown {
    this.skipBlank();
    const first = this.current;
    if (first === undefined || first.indent !== 0) throw new OutsideSubset();
    const value = this.readBlock(0);
    this.skipBlank();
    if (this.current !== undefined) throw new OutsideSubset();
    return value;
  }

  private readBlock(indent: number): unknown {
    const line = this.current;
    if (line === undefined) throw new OutsideSubset();
    if (line.text === '-' || line.text.startsWith('- ')) return this.readSequence(indent);
    return this.readMapping(indent);
  }

  private readMapping(indent: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (;;) {
      this.skipBlank();
      const line = this.current;
      if (line === undefined || line.indent < indent) return result;
      if (line.indent > indent) throw new OutsideSubset();
      const match = KEY.exec(line.text);
      if (match === null) {
        if (line.text.startsWith('- ')) return result;
        throw new OutsideSubset();
      }
      const key = match[1] as string;
      if (key === '__proto__' || Object.hasOwn(result, key)) throw new OutsideSubset();
      const rest = line.text.slice(match[0].length);
      this.pos += 1;
      result[key] = rest === '' ? this.readNested(indent) : this.readInline(rest, indent);
    }
  }

  private readNested(parentIndent: number): unknown {
    this.skipBlank();
    const next = this.current;
    if (next === undefined || next.indent <= parentIndent) return null;
    return this.readBlock(next.indent);
  }

  private readSequence(indent: number): unknown[] {
    const result: unknown[] = [];
    for (;;) {
      this.skipBlank();
      const line = this.current;
      if (line === undefined || line.indent < indent) return result;
      if (line.indent > indent || !line.text.startsWith('- ')) {
        if (line.indent === indent && KEY.test(line.text)) return result;
        throw new OutsideSubset();
      }
      const rest = line.text.slice(2);
      if (KEY.test(rest)) {
        // "- name: x": the item is a mapping whose first key sits two columns in.
        this.lines[this.pos] = { indent: indent + 2, text: rest, raw: line.raw };
        result.push(this.readMapping(indent + 2));
      } else {
        this.pos += 1;
        if (rest.startsWith('|')) throw new OutsideSubset();
        result.push(this.readInline(rest, indent));
      }
    }
  }

  private readInline(text: string, indent: number): unknown {
    const next = this.current;
    if (text.startsWith('|')) return this.readLiteral(text, indent);
    // A value continued on a deeper line (a multi-line plain or quoted scalar) is not ours.
    if (next !== undefined && next.text !== '' && next.indent > indent) throw new OutsideSubset();
    return readScalar(text);
  }

  private readLiteral(header: string, indent: number): string {
    const match = /^\|([1-9])?([-+])?$/.exec(header);
    if (match === null) throw new OutsideSubset();
    const chomp = match[2] ?? '';
    const content: string[] = [];
    let contentIndent = match[1] === undefined ? -1 : indent + Number(match[1]);
    let trailingBlank = 0;
    let leadingBlankWidth = 0;
    for (let line = this.current; line !== undefined; line = this.current) {
      if (isComment(line)) {
        // Inside the block it is text; before the block's first line, its indentation is unknown.
        if (contentIndent === -1 || line.indent < contentIndent) {
          if (line.indent <= indent || contentIndent !== -1) break;
          throw new OutsideSubset();
        }
        content.push(line.raw.slice(contentIndent));
        trailingBlank = 0;
      } else if (line.text === '') {
        if (contentIndent === -1) leadingBlankWidth = Math.max(leadingBlankWidth, line.raw.length);
        else if (line.raw.length > contentIndent) throw new OutsideSubset();
        content.push('');
        trailingBlank += 1;
      } else {
        if (contentIndent === -1) {
          if (line.indent <= indent || leadingBlankWidth > line.indent) break;
          contentIndent = line.indent;
        }
        if (line.indent < contentIndent) break;
        content.push(line.raw.slice(contentIndent));
        trailingBlank = 0;
      }
      this.pos += 1;
    }
    const body = content.slice(0, content.length - trailingBlank);
    if (body.length === 0) throw new OutsideSubset();
    const text = body.join('\n');
    if (chomp === '-') return text;
    if (chomp === '+') return `${text}\n${'\n'.repeat(trailingBlank)}`;
    return `${text}\n`;
  }
}

const isComment = (line: Line) => line.text === '' && line.raw.trimStart().startsWith('#');

function readScalar(text: string): unknown {
  if (text.startsWith('[') || text.startsWith('{')) return new FlowReader(text).readAll();
  if (text.startsWith('"')) {
    if (text.length < 2 || !text.endsWith('"')) throw new OutsideSubset();
    try {
      // JSON's escapes are a subset of YAML's double-quoted ones, with the same meaning.
      return JSON.parse(text) as string;
    } catch {
      throw new OutsideSubset();
    }
  }
  if (text.startsWith("'")) {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith("'") || /'(?!')/.test(inner.replaceAll("''", ''))) {
      throw new OutsideSubset();
    }
    return inner.replaceAll("''", "'");
  }
  return plainScalar(text.trimEnd());
}

/** A plain scalar: true, false, a small integer or a string; anything the core schema reads otherwise is not ours. */
function plainScalar(value: string): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(value)) return Number(value);
  if (value === '' || NOT_A_STRING.test(value)) throw new OutsideSubset();
  if (INDICATORS.includes(value[0] as string) || value.includes(' #') || value.includes(': ')) {
    throw new OutsideSubset();
  }
  if (value.endsWith(':') || value.includes('\t')) throw new OutsideSubset();
  return value;
}

const FLOW_PLAIN_END = /[,[\]{}]|: |:$|:[,[\]{}]/;

/** One flow collection on one line, e.g. `[{"name": "Accept", "value": "x"}, plain, 'quoted']`. */
class FlowReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  readAll(): unknown {
    const value = this.readValue();
    this.skipSpace();
    if (this.pos !== this.text.length) throw new OutsideSubset();
    return value;
  }

  private skipSpace(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }

  private readValue(): unknown {
    this.skipSpace();
    const start = this.text[this.pos];
    if (start === '[') return this.readCollection(']', () => this.readValue());
    if (start === '{') {
      const result: Record<string, unknown> = {};
      this.readCollection('}', () => {
        const key = this.readScalarToken();
        if (typeof key !== 'string' || key === '__proto__' || Object.hasOwn(result, key))
          throw new OutsideSubset();
        this.skipSpace();
        if (this.text[this.pos] !== ':') throw new OutsideSubset();
        this.pos += 1;
        // A plain key needs ": "; a quoted one may be followed by ":" right away (JSON-like).
        result[key] = this.readValue();
      });
      return result;
    }
    return this.readScalarToken();
  }

  /** Items separated by ", " up to `close`; no empty item and no trailing comma. */
  private readCollection(close: string, item: () => unknown): unknown[] {
    const items: unknown[] = [];
    this.pos += 1;
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos += 1;
      return items;
    }
    for (;;) {
      items.push(item());
      this.skipSpace();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === close) return items;
      if (next !== ',') throw new OutsideSubset();
    }
  }

  private readScalarToken(): unknown {
    this.skipSpace();
    const rest = this.text.slice(this.pos);
    if (rest.startsWith('"') || rest.startsWith("'")) {
      const quote = rest[0] as string;
      let end = 1;
      for (;;) {
        end = rest.indexOf(quote, end);
        if (end === -1) throw new OutsideSubset();
        if (quote === '"' && countBackslashesBefore(rest, end) % 2 === 1) end += 1;
        else if (quote === "'" && rest[end + 1] === "'") end += 2;
        else break;
      }
      this.pos += end + 1;
      return readScalar(rest.slice(0, end + 1));
    }
    const end = rest.search(FLOW_PLAIN_END);
    const value = (end === -1 ? rest : rest.slice(0, end)).trimEnd();
    if (value === '' || value.includes(':') || value.includes('#')) throw new OutsideSubset();
    if (INDICATORS.includes(value[0] as string)) throw new OutsideSubset();
    this.pos += end === -1 ? rest.length : end;
    return plainScalar(value);
  }
}

function countBackslashesBefore(text: string, index: number): number {
  let count = 0;
  while (text[index - 1 - count] === '\\') count += 1;
  return count;
}

/** Reads `text` if it is in Lantern's own subset of YAML; undefined means "use the full parser". */
export function readOwnYaml(text: string): unknown {
  if (text.includes('\r') || text.startsWith('\ufeff')) return undefined;
  const rawLines = text.split('\n');
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();
  const lines: Line[] = [];
  for (const raw of rawLines) {
    const content = raw.trimStart();
    const indent = raw.length - content.length;
    if (content.startsWith('\t') || raw.startsWith('\t')) return undefined;
    if (raw.slice(0, indent).includes('\t')) return undefined;
    const blank = content.trimEnd() === '' || content.startsWith('#');
    lines.push({ indent, text: blank ? '' : content, raw });
  }
  try {
    return new Reader(lines).readDocument();
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}
