import type { Handlers } from '../../../shared/contract';
import type { WorkspaceCalls } from '../../../shared/calls/workspace-calls';
import type { ServiceContext } from './service-context';

/** The handlers of shared/calls/workspace-calls.ts. */
export function workspaceHandlers(_context: ServiceContext): Pick<Handlers, keyof WorkspaceCalls> {
  return {};
}
