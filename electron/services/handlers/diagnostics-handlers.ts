import type { Handlers } from '../../../shared/contract';
import type { DiagnosticsCalls } from '../../../shared/calls/diagnostics-calls';
import { LanternError } from '../../../shared/model/result';
import { diagnosticsStateFor } from '../diagnostics/diagnostics-state';
import { makeSupportBundle, saveSupportBundle } from '../diagnostics/support-service';
import type { ServiceContext } from '../service-context';

/** The handlers of shared/calls/diagnostics-calls.ts. */
export function diagnosticsHandlers(context: ServiceContext): Pick<Handlers, keyof DiagnosticsCalls> {
  // The same state the send pipeline records into: both are keyed by the one AuthContext.
  const rateLimits = () => diagnosticsStateFor(context.auth).rateLimits;
  return {
    rateLimitState: async (filter) => rateLimits().list(filter),
    setRateLimitBudget: async ({ host, credentialId, limit, windowSeconds }) => {
      if (host.trim() === '')
        throw new LanternError('rate-limit.no-host', 'Name the host the budget is for.');
      return rateLimits().setBudget(
        host.trim(),
        credentialId,
        limit === undefined ? undefined : { limit, windowSeconds },
      );
    },
    supportBundle: async (request) => makeSupportBundle(context, request),
    saveSupportBundle: (request) => saveSupportBundle(context, context.files, request),
  };
}
