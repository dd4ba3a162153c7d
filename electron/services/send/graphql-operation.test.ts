import { describe, expect, it } from 'vitest';
import { checkOperationName } from './graphql-operation';

const body = (query: string, operationName?: string, persisted = false) => ({
  mode: 'graphql' as const,
  query,
  variables: '{}',
  persisted,
  ...(operationName ? { operationName } : {}),
});
const two = 'query one { a }\nquery two { b }';

describe('the operation a GraphQL body sends is one in its query', () => {
  it('passes a named operation that is there, a lone operation, and what it cannot judge', async () => {
    await expect(checkOperationName(body(two, 'two'))).resolves.toBeUndefined();
    await expect(checkOperationName(body('{ a }'))).resolves.toBeUndefined();
    await expect(checkOperationName(body('query { a'))).resolves.toBeUndefined();
    await expect(checkOperationName(body('', 'Status', true))).resolves.toBeUndefined();
  });

  it('refuses a stale name, saying which operations the query holds', async () => {
    await expect(checkOperationName(body(two, 'Status'))).rejects.toMatchObject({
      code: 'graphql.operation-not-in-query',
      message: expect.stringContaining('no operation named "Status" (it has "one", "two")'),
    });
    await expect(checkOperationName(body('query renamed { a }', 'Status'))).rejects.toMatchObject({
      code: 'graphql.operation-not-in-query',
    });
  });

  it('refuses several operations with none picked, saying how to pick', async () => {
    await expect(checkOperationName(body(two))).rejects.toMatchObject({
      code: 'graphql.operation-not-picked',
      message: expect.stringContaining('2 operations ("one", "two") and none is picked'),
    });
  });
});
