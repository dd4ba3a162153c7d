import type { Handlers } from '../../../shared/contract';
import type { GraphqlCalls } from '../../../shared/calls/graphql-calls';
import type { ServiceContext } from './service-context';

/** The handlers of shared/calls/graphql-calls.ts. */
export function graphqlHandlers(_context: ServiceContext): Pick<Handlers, keyof GraphqlCalls> {
  return {};
}
