import { Kind } from 'graphql';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

type Fragments = Record<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/**
 * Depth as graphql-php's QueryDepth rule counts it: the top-level field is 0, each field with a
 * sub-selection one deeper, fragments expanded. The standard introspection query comes out at 13.
 */
export function queryDepth(operation: OperationDefinitionNode, fragments: Fragments): number {
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
        const fragment = fragments[selection.name.value];
        if (fragment && !seen.has(fragment.name.value)) {
          deepest = visit(fragment.selectionSet, depth, deepest, new Set([...seen, fragment.name.value]));
        }
      }
    }
    return deepest;
  };
  return visit(operation.selectionSet, 0, 0, new Set());
}

/** True when the operation asks for `__schema` or `__type` anywhere (`__typename` is not introspection). */
export function usesIntrospection(operation: OperationDefinitionNode, fragments: Fragments): boolean {
  const visit = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        return (
          name === '__schema' ||
          name === '__type' ||
          (!!selection.selectionSet && visit(selection.selectionSet, seen))
        );
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, seen);
      const fragment = fragments[selection.name.value];
      return (
        !!fragment &&
        !seen.has(fragment.name.value) &&
        visit(fragment.selectionSet, new Set([...seen, fragment.name.value]))
      );
    });
  return visit(operation.selectionSet, new Set());
}

/** Fields requested directly in a selection set (fragments expanded, one level only). */
function fieldsIn(
  set: SelectionSetNode,
  fragments: Fragments,
): { name: string; selectionSet?: SelectionSetNode }[] {
  const fields: { name: string; selectionSet?: SelectionSetNode }[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push({
        name: selection.alias?.value ?? selection.name.value,
        selectionSet: selection.selectionSet,
      });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...fieldsIn(selection.selectionSet, fragments));
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment) fields.push(...fieldsIn(fragment.selectionSet, fragments));
    }
  }
  return fields;
}

/**
 * Record cost of a resolved value: +1 per requested field of every record in a list
 * (core_user_users with 10 items and 3 fields = 30). Non-list objects cost only what they contain.
 */
export function recordCost(value: unknown, set: SelectionSetNode | undefined, fragments: Fragments): number {
  if (!set || value === null || value === undefined) return 0;
  if (Array.isArray(value)) {
    const fields = fieldsIn(set, fragments);
    return value.reduce<number>((sum, item) => sum + fields.length + nestedCost(item, fields, fragments), 0);
  }
  return nestedCost(value, fieldsIn(set, fragments), fragments);
}

function nestedCost(
  value: unknown,
  fields: { name: string; selectionSet?: SelectionSetNode }[],
  fragments: Fragments,
): number {
  if (typeof value !== 'object' || value === null) return 0;
  const record = value as Record<string, unknown>;
  return fields.reduce(
    (sum, field) => sum + recordCost(record[field.name], field.selectionSet, fragments),
    0,
  );
}

/**
 * Totara's rate limiter: fixed windows, weighted as previous × (window − elapsed)/window + current,
 * which approximates a sliding window without storing every request.
 */
export class SlidingWindowBudget {
  private windowStart = 0;
  private previous = 0;
  private current = 0;

  used(now: number, windowMs: number): number {
    this.roll(now, windowMs);
    const elapsed = now - this.windowStart;
    return (this.previous * (windowMs - elapsed)) / windowMs + this.current;
  }

  spend(points: number, now: number, windowMs: number): void {
    this.roll(now, windowMs);
    this.current += points;
  }

  private roll(now: number, windowMs: number): void {
    const start = Math.floor(now / windowMs) * windowMs;
    if (start === this.windowStart) return;
    this.previous = start - this.windowStart === windowMs ? this.current : 0;
    this.current = 0;
    this.windowStart = start;
  }
}
