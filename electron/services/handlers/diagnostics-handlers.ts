import type { Handlers } from '../../../shared/contract';
import type { DiagnosticsCalls } from '../../../shared/calls/diagnostics-calls';
import type { ServiceContext } from './service-context';

/** The handlers of shared/calls/diagnostics-calls.ts. */
export function diagnosticsHandlers(_context: ServiceContext): Pick<Handlers, keyof DiagnosticsCalls> {
  return {};
}
