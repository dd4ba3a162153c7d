const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

const OCTAL = /[0-7]/;
const HEX = /[0-9a-fA-F]/;

export type AnsiCResult = { ok: true; value: string; end: number } | { ok: false };

/**
 * Reads a bash ANSI-C string (`$'…'`) whose body starts at `start`, up to its closing quote.
 * `\xNN` and octal escapes are bytes: a run of them is read as UTF-8 (what bash would print),
 * or byte-per-character when it is not valid UTF-8 — Firefox writes `é` as `\xe9`.
 */
export function readAnsiC(text: string, start: number): AnsiCResult {
  let value = '';
  let bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length === 0) return;
    const array = Uint8Array.from(bytes);
    try {
      value += new TextDecoder('utf-8', { fatal: true }).decode(array);
    } catch {
      value += String.fromCharCode(...array);
    }
    bytes = [];
  };
  const readDigits = (from: number, max: number, digit: RegExp): string => {
    let digits = '';
    while (digits.length < max && digit.test(text.charAt(from + digits.length))) {
      digits += text.charAt(from + digits.length);
    }
    return digits;
  };

  let i = start;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "'") {
      flushBytes();
      return { ok: true, value, end: i + 1 };
    }
    if (c !== '\\') {
      flushBytes();
      value += c;
      i += 1;
      continue;
    }
    const escape = text.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      flushBytes();
      value += simple;
      i += 2;
    } else if (OCTAL.test(escape)) {
      const digits = readDigits(i + 1, 3, OCTAL);
      bytes.push(parseInt(digits, 8) & 0xff);
      i += 1 + digits.length;
    } else if (escape === 'x' && HEX.test(text.charAt(i + 2))) {
      const digits = readDigits(i + 2, 2, HEX);
      bytes.push(parseInt(digits, 16));
      i += 2 + digits.length;
    } else if ((escape === 'u' || escape === 'U') && HEX.test(text.charAt(i + 2))) {
      const digits = readDigits(i + 2, escape === 'u' ? 4 : 8, HEX);
      const codePoint = parseInt(digits, 16);
      flushBytes();
      value += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : `\\${escape}${digits}`;
      i += 2 + digits.length;
    } else if (escape === 'c' && i + 2 < text.length) {
      flushBytes();
      value += String.fromCharCode(text.charCodeAt(i + 2) & 0x1f);
      i += 3;
    } else if (escape === '') {
      break;
    } else {
      // bash keeps an unknown escape as written, backslash included.
      flushBytes();
      value += `\\${escape}`;
      i += 2;
    }
  }
  return { ok: false };
}
