import { isNode, LineCounter, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import { readOwnYaml } from './fast-yaml-reader';

/**
 * One way to write YAML, so the same data always gives the same bytes: no line folding (long
 * URLs stay on one line), multi-line strings as literal blocks (they diff line by line), double
 * quotes when quoting is needed.
 */
export function writeYaml(value: unknown): string {
  return stringify(value, {
    blockQuote: 'literal',
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: false,
    indent: 2,
    indentSeq: true,
  });
}

export type YamlRead = { ok: true; value: unknown } | { ok: false; line?: number; reason: string };

/** Parses a file's text; on failure, the line and the parser's first complaint in plain words. */
export function readYaml(text: string): YamlRead {
  const fast = readOwnYaml(text);
  if (fast !== undefined) return { ok: true, value: fast };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const found = lineCounter.linePos(error.pos[0]).line;
    const line = error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' ? openedAt(text, found) : found;
    const what = (error.message.split('\n')[0] ?? 'invalid YAML').replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line, reason: `This is not valid YAML (${what}). Fix the file in an editor.` };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

/**
 * The parser notices an unclosed quote or bracket only where the file ends; the useful line is
 * the last one before that which opens a value it does not close.
 */
function openedAt(text: string, reportedLine: number): number {
  const lines = text.split('\n').slice(0, reportedLine - 1);
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const value = /^\s*(?:- )?(?:[^:"'#]+:\s+)?(.*)$/.exec(lines[index] ?? '')?.[1]?.trimEnd() ?? '';
    const close = { '"': '"', "'": "'", '[': ']', '{': '}' }[value[0] ?? ''];
    if (close !== undefined && (value.length === 1 || !value.endsWith(close))) return index + 1;
  }
  return Math.min(reportedLine, Math.max(1, lines.length));
}

/** The 1-based line of the value at `path` in `text`, or of its nearest parent that exists. */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      return lineCounter.linePos(node.range[0]).line;
    }
  }
  return undefined;
}

/** Plain words for the first zod issue, naming the key it is about. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the file';
  return `${where}: ${issue.message}`;
}

/**
 * Keys present in `input` that validation dropped from `output` (zod strips unknown keys), as
 * dotted paths, so that they can be reported instead of disappearing silently.
 */
export function droppedKeys(input: unknown, output: unknown, prefix = ''): string[] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => droppedKeys(item, output[index], `${prefix}${index}.`));
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  const dropped: string[] = [];
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(output, key)) dropped.push(`${prefix}${key}`);
    else dropped.push(...droppedKeys(input[key], output[key], `${prefix}${key}.`));
  }
  return dropped;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
