import type { z } from 'zod';
import { describeIssue, droppedKeys, isPlainObject, lineOfPath, readYaml, writeYaml } from './yaml-io';

/**
 * Unknown top-level keys are kept: read into `extras` and written back after the known keys, in
 * their original order, so a newer Lantern's or a user's additions survive a save. Unknown keys
 * deeper down are reported as warnings (zod drops them from the loaded value).
 */
export type Extras = Record<string, unknown>;

export type Decoded<T> =
  | { ok: true; value: T; extras: Extras; warnings: { line?: number; reason: string }[] }
  | { ok: false; line?: number; reason: string };

/** Validates a file's text against `schema`; keys not in `knownKeys` are returned as extras. */
export function decodeFile<T>(text: string, schema: z.ZodType<T>, knownKeys: readonly string[]): Decoded<T> {
  const read = readYaml(text);
  if (!read.ok) return read;
  if (!isPlainObject(read.value)) {
    return { ok: false, line: 1, reason: 'The file does not hold a set of "key: value" lines as expected.' };
  }
  const known: Record<string, unknown> = {};
  const extras: Extras = {};
  for (const [key, value] of Object.entries(read.value)) {
    // An empty "key:" reads as null; treat it as absent rather than as a wrong type.
    if (knownKeys.includes(key)) {
      if (value !== null) known[key] = value;
    } else extras[key] = value;
  }
  const parsed = schema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = issue === undefined ? 'The file does not match the expected shape.' : describeIssue(issue);
    return {
      ok: false,
      line: lineOfPath(text, issue?.path ?? []),
      reason: `${reason}. Fix this line in an editor; Lantern leaves the file as it is until then.`,
    };
  }
  const warnings = droppedKeys(known, parsed.data).map((key) => ({
    line: lineOfPath(
      text,
      key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    ),
    reason: `"${key}" is not a setting Lantern knows; it is ignored, and dropped if Lantern saves this file.`,
  }));
  return { ok: true, value: parsed.data, extras, warnings };
}

/** Writes `value` with its keys in the given order (absent ones left out), then the extras. */
export function encodeFile(
  value: Record<string, unknown>,
  keyOrder: readonly string[],
  extras: Extras,
): string {
  return writeYaml({ ...orderKeys(value, keyOrder), ...withoutKeys(extras, keyOrder) });
}

/** A copy of `value` with exactly these keys, in this order, leaving out undefined ones. */
export function orderKeys(
  value: Record<string, unknown>,
  keyOrder: readonly string[],
): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of keyOrder) {
    if (value[key] !== undefined) ordered[key] = value[key];
  }
  return ordered;
}

function withoutKeys(extras: Extras, keys: readonly string[]): Extras {
  return Object.fromEntries(Object.entries(extras).filter(([key]) => !keys.includes(key)));
}
