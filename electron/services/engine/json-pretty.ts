/**
 * A streaming JSON pretty-printer that checks the grammar as it goes. It works on bytes and
 * never builds the document: a 100 MB body is formatted chunk by chunk in bounded memory, and
 * the event loop gets a turn between chunks (JSON.parse of 78 MB alone blocks for over a second).
 */

export const MAX_DEPTH = 512;
const INDENT = 2;

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

const enum Expect {
  Value,
  ValueOrArrayEnd,
  KeyOrObjectEnd,
  Key,
  Colon,
  CommaOrEnd,
  Nothing,
}

const enum In {
  Structure,
  String,
  Escape,
  Unicode,
  Token,
}

const OBJECT = 1;
const ARRAY = 2;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MAX_TOKEN = 1024;
const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isTokenByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) ||
  (b >= 0x61 && b <= 0x7a) ||
  b === 0x2d ||
  b === 0x2b ||
  b === 0x2e ||
  b === 0x45;

const EXPECTED: Record<Expect, string> = {
  [Expect.Value]: 'a value',
  [Expect.ValueOrArrayEnd]: "a value or ']'",
  [Expect.KeyOrObjectEnd]: "a quoted key or '}'",
  [Expect.Key]: 'a quoted key',
  [Expect.Colon]: "':'",
  [Expect.CommaOrEnd]: "',' or the end of the object or array",
  [Expect.Nothing]: 'nothing more',
};

export class JsonPrettyPrinter {
  private out = new Uint8Array(1 << 16);
  private length = 0;
  private readonly stack = new Uint8Array(MAX_DEPTH);
  private depth = 0;
  private expect = Expect.Value;
  private inside = In.Structure;
  private stringIsKey = false;
  private unicodeLeft = 0;
  private token = '';
  private pendingOpen = false;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  /** Formats one chunk; returns the bytes to append to the output (a copy the caller may keep). */
  push(chunk: Uint8Array): Uint8Array {
    this.length = 0;
    this.reserve(chunk.length * 2 + 64);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      const at = this.offset + i;
      switch (this.inside) {
        case In.String:
          if (b >= 0x20 && b !== 0x22 && b !== 0x5c) {
            // The plain run of a string is copied in one go: most of a JSON body is strings.
            this.reserve(chunk.length - i);
            const out = this.out;
            let length = this.length;
            out[length++] = b;
            while (i + 1 < chunk.length) {
              const next = chunk[i + 1] as number;
              if (next < 0x20 || next === 0x22 || next === 0x5c) break;
              out[length++] = next;
              i++;
            }
            this.length = length;
          } else if (b === 0x22) {
            this.put(b);
            this.inside = In.Structure;
            this.valueDone(this.stringIsKey);
          } else if (b === 0x5c) {
            this.put(b);
            this.inside = In.Escape;
          } else if (b < 0x20) {
            throw this.error(at, 'a control character inside a string (it must be escaped)');
          } else this.put(b);
          continue;
        case In.Escape:
          if (b === 0x75) {
            this.inside = In.Unicode;
            this.unicodeLeft = 4;
          } else if ('"\\/bfnrt'.includes(String.fromCharCode(b))) this.inside = In.String;
          else throw this.error(at, `an unknown escape "\\${describe(b)}" in a string`);
          this.put(b);
          continue;
        case In.Unicode:
          if (!isHex(b)) throw this.error(at, 'a \\u escape without four hex digits');
          this.put(b);
          if (--this.unicodeLeft === 0) this.inside = In.String;
          continue;
        case In.Token:
          if (isTokenByte(b)) {
            if (this.token.length >= MAX_TOKEN) throw this.error(at, 'a number or word that never ends');
            this.token += String.fromCharCode(b);
            continue;
          }
          this.endToken(at);
          break;
        case In.Structure:
          // Between values: every byte is structure, read below.
          break;
      }
      this.structure(b, at);
    }
    this.offset += chunk.length;
    return this.out.slice(0, this.length);
  }

  /** Checks that the document is complete; returns the last bytes to append. */
  end(): Uint8Array {
    this.length = 0;
    this.reserve(64);
    if (this.inside === In.Token) this.endToken(this.offset);
    if (this.inside !== In.Structure) throw this.error(this.offset, 'the body ends inside a string');
    if (this.expect !== Expect.Nothing) {
      throw this.error(this.offset, `the body ends where ${EXPECTED[this.expect]} was expected`);
    }
    return this.out.slice(0, this.length);
  }

  private structure(b: number, at: number): void {
    if (b === 0x20 || b === 0x09 || b === 0x0d) return;
    if (b === 0x0a) {
      this.line++;
      this.lineStart = at + 1;
      return;
    }
    const expect = this.expect;
    const wantsValue =
      expect === Expect.Value || expect === Expect.ValueOrArrayEnd || expect === Expect.KeyOrObjectEnd;
    if (b === 0x22 && (wantsValue || expect === Expect.Key)) {
      const isKey = expect === Expect.Key || expect === Expect.KeyOrObjectEnd;
      this.openPending();
      this.put(b);
      this.inside = In.String;
      this.stringIsKey = isKey;
      return;
    }
    if (
      (b === 0x7d && (expect === Expect.KeyOrObjectEnd || expect === Expect.CommaOrEnd)) ||
      (b === 0x5d && (expect === Expect.ValueOrArrayEnd || expect === Expect.CommaOrEnd))
    ) {
      const kind = b === 0x7d ? OBJECT : ARRAY;
      if (this.stack[this.depth - 1] !== kind) throw this.unexpected(b, at);
      this.depth--;
      if (this.pendingOpen) this.pendingOpen = false;
      else this.newline(this.depth);
      this.put(b);
      this.valueDone(false);
      return;
    }
    if (expect === Expect.Value || expect === Expect.ValueOrArrayEnd) {
      if (b === 0x7b || b === 0x5b) {
        if (this.depth >= MAX_DEPTH) throw this.error(at, `nesting deeper than ${MAX_DEPTH} levels`);
        this.openPending();
        this.put(b);
        this.stack[this.depth++] = b === 0x7b ? OBJECT : ARRAY;
        this.pendingOpen = true;
        this.expect = b === 0x7b ? Expect.KeyOrObjectEnd : Expect.ValueOrArrayEnd;
        return;
      }
      if (b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e) {
        this.openPending();
        this.inside = In.Token;
        this.token = String.fromCharCode(b);
        return;
      }
    }
    if (b === 0x2c && expect === Expect.CommaOrEnd) {
      this.put(b);
      this.newline(this.depth);
      this.expect = this.stack[this.depth - 1] === OBJECT ? Expect.Key : Expect.Value;
      return;
    }
    if (b === 0x3a && expect === Expect.Colon) {
      this.put(b);
      this.put(0x20);
      this.expect = Expect.Value;
      return;
    }
    throw this.unexpected(b, at);
  }

  private endToken(at: number): void {
    const token = this.token;
    if (token !== 'true' && token !== 'false' && token !== 'null' && !NUMBER.test(token)) {
      throw this.error(at - token.length, `"${token}", which is not a JSON number, true, false or null`);
    }
    for (let i = 0; i < token.length; i++) this.put(token.charCodeAt(i));
    this.inside = In.Structure;
    this.valueDone(false);
  }

  private valueDone(wasKey: boolean): void {
    if (wasKey) this.expect = Expect.Colon;
    else this.expect = this.depth === 0 ? Expect.Nothing : Expect.CommaOrEnd;
  }

  private openPending(): void {
    if (!this.pendingOpen) return;
    this.pendingOpen = false;
    this.newline(this.depth);
  }

  private newline(depth: number): void {
    const size = 1 + depth * INDENT;
    this.reserve(size);
    const out = this.out;
    let at = this.length;
    out[at++] = 0x0a;
    for (let k = 1; k < size; k++) out[at++] = 0x20;
    this.length = at;
  }

  private put(b: number): void {
    if (this.length === this.out.length) this.reserve(1);
    this.out[this.length++] = b;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.out.length) return;
    const grown = new Uint8Array(Math.max(this.out.length * 2, this.length + extra));
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
  }

  private unexpected(b: number, at: number): JsonSyntaxError {
    return this.error(at, `${describe(b)} where ${EXPECTED[this.expect]} was expected`);
  }

  private error(at: number, what: string): JsonSyntaxError {
    const where = `line ${this.line.toLocaleString('en')}, column ${(at - this.lineStart + 1).toLocaleString('en')}`;
    return new JsonSyntaxError(
      `The body is not valid JSON: ${what} (${where}, byte ${at.toLocaleString('en')}).`,
      at,
    );
  }
}

function describe(b: number): string {
  if (b >= 0x21 && b <= 0x7e) return `'${String.fromCharCode(b)}'`;
  return `byte 0x${b.toString(16).padStart(2, '0')}`;
}
