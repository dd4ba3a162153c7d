import { execute, getOperationAST, GraphQLError, parse, validate } from 'graphql';
import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type { SandboxConfig } from '../config';
import { clientSafeError } from './errors';
import { fragmentsOf, queryDepth, usesIntrospection } from './limits';
import type { TotaraContext } from './schema';
import type { UsersStore } from './users-store';

export interface GraphqlCall {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface GraphqlRun {
  config: SandboxConfig;
  users: UsersStore;
  baseUrl: string;
  /** Whether depth, introspection and complexity limits apply (the dev executor skips them). */
  enforceLimits: boolean;
  skipValidation: boolean;
}

export interface GraphqlOutcome {
  result: { data?: unknown; errors?: readonly GraphQLError[] };
  complexity: number;
}

/** Runs one GraphQL operation the way Totara's server does: parse, Totara's own rules, (maybe) validation, execute. */
export async function runGraphql(
  schema: GraphQLSchema,
  call: GraphqlCall,
  run: GraphqlRun,
): Promise<GraphqlOutcome> {
  let document: DocumentNode;
  try {
    document = parse(call.query);
  } catch (error) {
    return { result: { errors: [error as GraphQLError] }, complexity: 0 };
  }
  const operation = getOperationAST(document, call.operationName ?? undefined);
  const fragments = fragmentsOf(document);
  if (operation && run.enforceLimits) {
    if (!run.config.introspection && usesIntrospection(operation, fragments)) {
      return {
        result: { errors: [clientSafeError('GraphQL introspection is not enabled.')] },
        complexity: 0,
      };
    }
    const depth = queryDepth(operation, fragments);
    if (depth > run.config.maxDepth) {
      const message = `Max query depth should be ${run.config.maxDepth} but got ${depth}.`;
      return { result: { errors: [clientSafeError(message)] }, complexity: 0 };
    }
  }
  if (!run.skipValidation) {
    const errors = validate(schema, document);
    if (errors.length > 0) return { result: { errors }, complexity: 0 };
  }
  const base = operation?.operation === 'mutation' ? 10 : 5;
  const context: TotaraContext = {
    users: run.users,
    config: run.enforceLimits ? run.config : { ...run.config, maxComplexity: Number.MAX_SAFE_INTEGER },
    baseUrl: run.baseUrl,
    complexity: { points: base },
  };
  const result: ExecutionResult = await execute({
    schema,
    document,
    variableValues: call.variables ?? undefined,
    operationName: call.operationName ?? undefined,
    contextValue: context,
  });
  return { result: { data: result.data, errors: result.errors }, complexity: context.complexity.points };
}
