/**
 * A small parser for RFC 8941 structured fields: Lists, Dictionaries, Items and Parameters,
 * with every bare item type except inner lists (no rate-limit draft uses them). It follows
 * the RFC's parsing algorithms (§4.2) so that malformed input fails as a whole, as the RFC
 * requires, with a reason we can show the user.
 */

export type BareItem =
  | { type: 'integer'; value: number }
  | { type: 'decimal'; value: number }
  | { type: 'string'; value: string }
  | { type: 'token'; value: string }
  | { type: 'bytes'; value: string }
  | { type: 'boolean'; value: boolean };

export type SfParameters = ReadonlyMap<string, BareItem>;
export type SfItem = { value: BareItem; params: SfParameters };
export type SfResult<T> = { ok: true; value: T } | { ok: false; error: string };

class SyntaxFailure extends Error {}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLowerAlpha = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';
const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);
const TOKEN_CHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z:/]$/;
const BASE64_CHAR = /^[A-Za-z0-9+/=]$/;

class Parser {
  private pos = 0;
  constructor(private readonly input: string) {}

  private peek(): string | undefined {
    return this.input[this.pos];
  }
  private fail(what: string): never {
    throw new SyntaxFailure(`${what} at character ${this.pos + 1}`);
  }
  private skipSpaces(): void {
    while (this.peek() === ' ') this.pos += 1;
  }
  private skipOptionalWhitespace(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
  }
  atEnd(): boolean {
    return this.pos >= this.input.length;
  }

  /** RFC 8941 §4.2: surrounding spaces are allowed, anything left over is an error. */
  whole<T>(parse: () => T): T {
    this.skipSpaces();
    const value = parse();
    this.skipSpaces();
    if (!this.atEnd()) this.fail(`unexpected "${this.peek()}"`);
    return value;
  }

  list(): SfItem[] {
    const members: SfItem[] = [];
    while (!this.atEnd()) {
      members.push(this.item());
      if (this.afterMember()) break;
    }
    return members;
  }

  dictionary(): Map<string, SfItem> {
    const members = new Map<string, SfItem>();
    while (!this.atEnd()) {
      const key = this.key();
      if (this.peek() === '=') {
        this.pos += 1;
        members.set(key, this.item());
      } else {
        members.set(key, { value: { type: 'boolean', value: true }, params: this.parameters() });
      }
      if (this.afterMember()) break;
    }
    return members;
  }

  /** Consumes the separator after a member; true when the field has ended. */
  private afterMember(): boolean {
    this.skipOptionalWhitespace();
    if (this.atEnd()) return true;
    if (this.peek() !== ',') this.fail(`expected "," but found "${this.peek()}"`);
    this.pos += 1;
    this.skipOptionalWhitespace();
    if (this.atEnd()) this.fail('a trailing comma');
    return false;
  }

  private item(): SfItem {
    if (this.peek() === '(') this.fail('an inner list, which is not supported here,');
    return { value: this.bareItem(), params: this.parameters() };
  }

  private parameters(): Map<string, BareItem> {
    const params = new Map<string, BareItem>();
    while (this.peek() === ';') {
      this.pos += 1;
      this.skipSpaces();
      const key = this.key();
      let value: BareItem = { type: 'boolean', value: true };
      if (this.peek() === '=') {
        this.pos += 1;
        value = this.bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  private key(): string {
    const first = this.peek();
    if (!isLowerAlpha(first) && first !== '*') this.fail('expected a lowercase key');
    const start = this.pos;
    while (true) {
      const c = this.peek();
      if (!(isLowerAlpha(c) || isDigit(c) || c === '_' || c === '-' || c === '.' || c === '*')) break;
      this.pos += 1;
    }
    return this.input.slice(start, this.pos);
  }

  private bareItem(): BareItem {
    const c = this.peek();
    if (c === '-' || isDigit(c)) return this.number();
    if (c === '"') return this.string();
    if (c === '*' || isAlpha(c)) return this.token();
    if (c === ':') return this.bytes();
    if (c === '?') return this.boolean();
    return this.fail(c === undefined ? 'a missing value' : `unexpected "${c}"`);
  }

  private number(): BareItem {
    const start = this.pos;
    if (this.peek() === '-') this.pos += 1;
    if (!isDigit(this.peek())) this.fail('expected a digit');
    let dot = -1;
    while (isDigit(this.peek()) || (this.peek() === '.' && dot === -1)) {
      if (this.peek() === '.') dot = this.pos;
      this.pos += 1;
    }
    const text = this.input.slice(start, this.pos);
    const digits = text.replace('-', '');
    if (dot === -1) {
      if (digits.length > 15) this.fail('an integer longer than 15 digits');
      return { type: 'integer', value: Number(text) };
    }
    const [whole = '', fraction = ''] = digits.split('.');
    if (whole.length > 12 || fraction.length === 0 || fraction.length > 3) this.fail('a malformed decimal');
    return { type: 'decimal', value: Number(text) };
  }

  private string(): BareItem {
    this.pos += 1;
    let value = '';
    while (true) {
      const c = this.peek();
      if (c === undefined) this.fail('an unterminated string');
      this.pos += 1;
      if (c === '"') return { type: 'string', value };
      if (c === '\\') {
        const escaped = this.peek();
        if (escaped !== '"' && escaped !== '\\') this.fail('a bad escape in a string');
        value += escaped;
        this.pos += 1;
      } else if (c < ' ' || c > '~') {
        this.pos -= 1;
        this.fail('a character not allowed in a string');
      } else {
        value += c;
      }
    }
  }

  private token(): BareItem {
    const start = this.pos;
    this.pos += 1;
    while (this.peek() !== undefined && TOKEN_CHAR.test(this.peek() ?? '')) this.pos += 1;
    return { type: 'token', value: this.input.slice(start, this.pos) };
  }

  private bytes(): BareItem {
    this.pos += 1;
    const start = this.pos;
    while (this.peek() !== ':') {
      if (this.atEnd() || !BASE64_CHAR.test(this.peek() ?? '')) this.fail('a malformed byte sequence');
      this.pos += 1;
    }
    const value = this.input.slice(start, this.pos);
    this.pos += 1;
    return { type: 'bytes', value };
  }

  private boolean(): BareItem {
    this.pos += 1;
    const c = this.peek();
    if (c !== '0' && c !== '1') this.fail('a boolean that is not ?0 or ?1');
    this.pos += 1;
    return { type: 'boolean', value: c === '1' };
  }
}

function run<T>(parse: () => T): SfResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.message };
    throw error;
  }
}

export function parseSfList(input: string): SfResult<SfItem[]> {
  const parser = new Parser(input);
  return run(() => parser.whole(() => parser.list()));
}

export function parseSfDictionary(input: string): SfResult<Map<string, SfItem>> {
  const parser = new Parser(input);
  return run(() => parser.whole(() => parser.dictionary()));
}

/** A parameter's value when it is an integer, else undefined. */
export function integerParam(params: SfParameters, key: string): number | undefined {
  const item = params.get(key);
  return item?.type === 'integer' ? item.value : undefined;
}
