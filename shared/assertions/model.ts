import { z } from 'zod';

/**
 * Tests and captures of a request (issue 15 §1–2): declarative rows, stored in the request's YAML
 * (`tests:` and `captures:`) and in `_folder.yaml` (`tests:`, inherited by every request below).
 */

export const ASSERTION_TARGETS = [
  'status',
  'header',
  'responseTime',
  'bodySize',
  /** The whole body as text (what a script's `pm.response.text()` reads). */
  'body',
  'cookie',
  'jsonPath',
  'graphqlErrors',
  'graphqlData',
  'noGraphqlErrors',
] as const;
export type AssertionTarget = (typeof ASSERTION_TARGETS)[number];

export const ASSERTION_OPERATORS = [
  'equals',
  'notEquals',
  'gt',
  'lt',
  'contains',
  'notContains',
  'matches',
  'exists',
  'notExists',
  'isType',
  'length',
  'oneOf',
  'matchesSchema',
] as const;
export type AssertionOperator = (typeof ASSERTION_OPERATORS)[number];

/** Targets that read a name or a path (`path`): a header or cookie name, or a JSONPath. */
export const TARGETS_WITH_PATH: ReadonlySet<AssertionTarget> = new Set([
  'header',
  'cookie',
  'jsonPath',
  'graphqlErrors',
  'graphqlData',
]);
/** Operators that take no expected value. */
export const OPERATORS_WITHOUT_EXPECTED: ReadonlySet<AssertionOperator> = new Set(['exists', 'notExists']);

export const assertionSchema = z.object({
  /** A label, e.g. the name of the Postman test it was translated from; rows without one are fine. */
  name: z.string().max(500).optional(),
  enabled: z.boolean().default(true),
  target: z.enum(ASSERTION_TARGETS),
  /** The header or cookie name, or the JSONPath (for GraphQL: inside `data` or `errors`). */
  path: z.string().max(4_096).optional(),
  op: z.enum(ASSERTION_OPERATORS),
  /** Text, `{{variables}}` allowed; JSON where the operator needs a value of another type. */
  expected: z.string().max(1_048_576).optional(),
  /** The folder an inherited row comes from: set on the main side only, never written to a file. */
  from: z.string().max(500).optional(),
});
export type Assertion = z.infer<typeof assertionSchema>;

export const CAPTURE_SOURCES = ['jsonPath', 'header', 'cookie', 'status', 'regex'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export const captureSchema = z.object({
  enabled: z.boolean().default(true),
  /** The variable set: later requests use it as `{{name}}`. */
  name: z
    .string()
    .min(1, 'A capture needs a variable name.')
    .max(200)
    .regex(/^[A-Za-z0-9_.-]+$/, 'A variable name may hold letters, digits, _, - and . only.'),
  from: z.enum(CAPTURE_SOURCES),
  /** The JSONPath, the header or cookie name, or the regular expression (its first group is taken). */
  path: z.string().max(4_096).optional(),
  /** For a regex: which group to take (default 1, or the whole match when it has no group). */
  group: z.number().int().min(0).max(99).optional(),
  /** `run`: kept for this session or run only; `environment`: saved into the active environment. */
  scope: z.enum(['run', 'environment']).default('run'),
  /** A token, password or cookie: kept in the vault and masked everywhere (detected when not set). */
  secret: z.boolean().optional(),
});
export type Capture = z.infer<typeof captureSchema>;

export const assertionResultSchema = z.object({
  assertion: assertionSchema,
  passed: z.boolean(),
  /** The body could not be checked here (too large, or binary): not passed, and said so. */
  unchecked: z.boolean().optional(),
  /** What was found, as text (secrets masked, long values cut). */
  actual: z.string(),
  /** The expected value with its `{{variables}}` resolved (secrets masked). */
  expected: z.string(),
  /** What was evaluated, in words: `status`, `header content-type`, `$.data[0].email`. */
  path: z.string(),
  /** One plain sentence: why it passed or failed. */
  message: z.string(),
  /** The folder it is inherited from, when it is not the request's own. */
  from: z.string().optional(),
});
export type AssertionResult = z.infer<typeof assertionResultSchema>;

export const captureResultSchema = z.object({
  name: z.string(),
  scope: z.enum(['run', 'environment']),
  ok: z.boolean(),
  secret: z.boolean(),
  /** The value set (masked when secret); absent when nothing was found. */
  value: z.string().optional(),
  path: z.string(),
  message: z.string(),
});
export type CaptureResult = z.infer<typeof captureResultSchema>;

/** The status assertion older files spelt `expectStatus: 2xx` (one of "2xx", "200,201", "200-299"). */
export function statusAssertion(expectStatus: string): Assertion {
  return { enabled: true, target: 'status', op: 'oneOf', expected: expectStatus.trim() };
}
