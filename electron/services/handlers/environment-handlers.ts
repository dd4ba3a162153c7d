import type { EnvironmentCalls } from '../../../shared/calls/environment-calls';
import type { Handlers } from '../../../shared/contract';
import type { ServiceContext } from '../service-context';

/** The handlers of shared/calls/environment-calls.ts. */
export function environmentHandlers({
  environments,
}: ServiceContext): Pick<Handlers, keyof EnvironmentCalls> {
  return {
    listEnvironments: async () => environments.summaries(),
    saveEnvironment: async (input) => environments.save(input),
    deleteEnvironment: async ({ id }) => {
      await environments.delete(id);
      return { deleted: true };
    },
  };
}
