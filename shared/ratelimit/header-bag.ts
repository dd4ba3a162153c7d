import type { HeaderInput } from './types';

export type HeaderField = {
  /** The name as the server first spelled it. */
  name: string;
  /** One entry per header line, in order. */
  lines: string[];
};

/** Case-insensitive view of response headers that keeps every line of a repeated header. */
export class HeaderBag {
  private readonly fields = new Map<string, HeaderField>();

  constructor(headers: HeaderInput) {
    const entries = Array.isArray(headers)
      ? (headers as readonly (readonly [string, string])[])
      : Object.entries(headers as Readonly<Record<string, string>>);
    for (const [name, value] of entries) {
      const key = name.trim().toLowerCase();
      const field = this.fields.get(key);
      if (field) field.lines.push(value);
      else this.fields.set(key, { name: name.trim(), lines: [value] });
    }
  }

  get(name: string): HeaderField | undefined {
    return this.fields.get(name.toLowerCase());
  }

  /** A list-valued field: repeated lines join with ", " (RFC 9110 §5.3). */
  list(name: string): { name: string; value: string } | undefined {
    const field = this.get(name);
    return field && { name: field.name, value: field.lines.join(', ') };
  }

  /**
   * A field that should hold one value. Lines are also split on commas, because fetch's
   * Headers joins repeated lines that way (not for dates, which contain a comma).
   * Differing values: the first wins, with a note.
   */
  single(name: string, notes: string[], splitCommas = true): { name: string; value: string } | undefined {
    const field = this.get(name);
    if (!field) return undefined;
    const values = field.lines
      .flatMap((line) => (splitCommas ? line.split(',') : [line]))
      .map((value) => value.trim());
    const distinct = [...new Set(values)];
    const first = distinct[0] ?? '';
    if (distinct.length > 1) {
      notes.push(
        `${field.name} was sent ${values.length} times with different values (${distinct.join(', ')}); ` +
          `using the first, ${first}.`,
      );
    }
    return { name: field.name, value: first };
  }
}
