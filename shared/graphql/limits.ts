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

export interface Limits {
  maxDepth?: number;
  maxComplexity?: number;
}

/** Warnings when an estimate is over the environment's limits (Totara's defaults: 15 and 6000). */
export function checkLimits(estimate: CostFigures, { maxDepth = 15, maxComplexity = 6000 }: Limits = {}) {
  const warnings: string[] = [];
  if (estimate.depth > maxDepth) {
    warnings.push(
      `This query is ${estimate.depth} levels deep; the server allows ${maxDepth} and will answer ` +
        `"Max query depth should be ${maxDepth} but got ${estimate.depth}." Ask for fewer nested objects, or split the query.`,
    );
  }
  if (estimate.complexity > maxComplexity) {
    warnings.push(
      `This query is estimated at ${estimate.complexity} complexity points; the server allows ${maxComplexity} ` +
        `and will stop with "Query complexity exceeded maximum allowed complexity of ${maxComplexity}." ` +
        `Lower the page size (limit) or request fewer fields per record.`,
    );
  }
  return warnings;
}
