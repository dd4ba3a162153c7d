import type { OperationInfo } from '../../../shared/graphql/operations';

/**
 * "Run the operation under the cursor" from operations already listed by the analysis (no parse on
 * the UI thread): the one containing the offset, else the nearest before it, else the first.
 * The same rule as shared/graphql/operations.ts `operationAt`.
 */
export function operationAtOffset(operations: OperationInfo[], offset: number): OperationInfo | undefined {
  const inside = operations.find((operation) => offset >= operation.start && offset <= operation.end);
  if (inside) return inside;
  return operations.filter((operation) => operation.end <= offset).at(-1) ?? operations[0];
}
