import { Kind } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';

export interface CostFigures {
  depth: number;
  complexity: number;
}

/**
 * Depth as Totara (graphql-php's QueryDepth) counts it: top-level field 0, one more per field with a
 * sub-selection, fragments expanded. Mirrors sandbox/totara/limits.ts so both give the same number.
 */
export function operationDepth(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  const visit = (set: SelectionSetNode, depth: number, max: number, seen: Set<string>): number => {
    let deepest = max;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.selectionSet) {
          deepest = Math.max(deepest, depth);
          deepest = visit(selection.selectionSet, depth + 1, deepest, seen);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = visit(selection.selectionSet, depth, deepest, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          deepest = visit(fragment.selectionSet, depth, deepest, new Set([...seen, fragment.name.value]));
        }
      }
    }
    return deepest;
  };
  return visit(operation.selectionSet, 0, 0, new Set());
}

/** Where a limit's number came from: the user should be able to judge how far to trust it. */
export type LimitSource =
  | { kind: 'default' }
  | { kind: 'environment'; variable: string }
  /** The server stated it in an answer: when, and its own words. */
  | { kind: 'server'; at: string; message: string };

export interface Limits {
  maxDepth?: number;
  maxComplexity?: number;
  /** Where each number came from; a number without a source is the environment's (the older callers). */
  sources?: { maxDepth?: LimitSource; maxComplexity?: LimitSource };
}

/** Totara's defaults (API-BEHAVIOUR §1, "Limits"). */
export const DEFAULT_LIMITS = { maxDepth: 15, maxComplexity: 6000 } as const;

/** A limit a server stated in an error: its value, its words, and when Lantern read them. */
export interface StatedLimit {
  value: number;
  message: string;
  at: string;
}
export interface StatedLimits {
  maxDepth?: StatedLimit;
  maxComplexity?: StatedLimit;
}

/**
 * The limits an error message states: graphql-php's depth rule ("Max query depth should be 12 but
 * got 13.") and Totara's complexity limit ("… maximum allowed complexity of 34.").
 */
export function limitsStated(messages: readonly string[], at: string): StatedLimits {
  const stated: StatedLimits = {};
  for (const message of messages) {
    const depth = /Max query depth should be (\d+) but got \d+/.exec(message);
    if (depth) stated.maxDepth = { value: Number(depth[1]), message, at };
    const complexity = /exceeded maximum allowed complexity of (\d+)/.exec(message);
    if (complexity) stated.maxComplexity = { value: Number(complexity[1]), message, at };
  }
  return stated;
}

const VARIABLES = { maxDepth: 'graphql_max_depth', maxComplexity: 'graphql_max_complexity' } as const;

/**
 * The limits to estimate against: what the server stated wins (it is what it enforced), then the
 * environment's variables, then Totara's defaults; each with where it came from.
 */
export function effectiveLimits(environment: Limits, stated: StatedLimits = {}): Required<Limits> {
  const pick = (name: 'maxDepth' | 'maxComplexity'): { value: number; source: LimitSource } => {
    const fromServer = stated[name];
    if (fromServer)
      return {
        value: fromServer.value,
        source: { kind: 'server', at: fromServer.at, message: fromServer.message },
      };
    const configured = environment[name];
    if (configured !== undefined)
      return {
        value: configured,
        source: environment.sources?.[name] ?? { kind: 'environment', variable: VARIABLES[name] },
      };
    return { value: DEFAULT_LIMITS[name], source: { kind: 'default' } };
  };
  const depth = pick('maxDepth');
  const complexity = pick('maxComplexity');
  return {
    maxDepth: depth.value,
    maxComplexity: complexity.value,
    sources: { maxDepth: depth.source, maxComplexity: complexity.source },
  };
}

/**
 * "Totara's default", "from the environment variable graphql_max_depth", or "the server said on
 * <time>: "<its words>"" (`quote: false` leaves the words out, for text that quotes them already).
 */
export function describeLimitSource(source: LimitSource | undefined, { quote = true } = {}): string {
  if (!source || source.kind === 'default') return "Totara's default";
  if (source.kind === 'environment') return `from the environment variable ${source.variable}`;
  const when = new Date(source.at);
  const stamp = Number.isNaN(when.getTime())
    ? source.at
    : when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return quote ? `the server said on ${stamp}: "${source.message}"` : `the server said so on ${stamp}`;
}

/** Warnings when an estimate is over the limits, saying where each limit came from. */
export function checkLimits(estimate: CostFigures, limits: Limits = {}) {
  const maxDepth = limits.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const maxComplexity = limits.maxComplexity ?? DEFAULT_LIMITS.maxComplexity;
  const from = (name: 'maxDepth' | 'maxComplexity') =>
    describeLimitSource(
      limits.sources?.[name] ??
        (limits[name] !== undefined ? { kind: 'environment', variable: VARIABLES[name] } : undefined),
      // The warning quotes the server's message itself.
      { quote: false },
    );
  const warnings: string[] = [];
  if (estimate.depth > maxDepth) {
    warnings.push(
      `This query is ${estimate.depth} levels deep; the server allows ${maxDepth} (${from('maxDepth')}) and will answer ` +
        `"Max query depth should be ${maxDepth} but got ${estimate.depth}." Ask for fewer nested objects, or split the query.`,
    );
  }
  if (estimate.complexity > maxComplexity) {
    warnings.push(
      `This query is estimated at ${estimate.complexity} complexity points; the server allows ${maxComplexity} (${from('maxComplexity')}) ` +
        `and will stop with "Query complexity exceeded maximum allowed complexity of ${maxComplexity}." ` +
        `Lower the page size (limit) or request fewer fields per record.`,
    );
  }
  return warnings;
}
