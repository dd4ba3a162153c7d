/** GraphQL: schemas by introspection or file, cached per endpoint and environment. */

export const graphqlCalls = {} as const;
export type GraphqlCalls = typeof graphqlCalls;
