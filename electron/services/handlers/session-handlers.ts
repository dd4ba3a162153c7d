import type { SessionCalls } from '../../../shared/calls/session-calls';
import type { Handlers } from '../../../shared/contract';
import type { SessionStore } from '../session/session-store';

/** The handlers of shared/calls/session-calls.ts. */
export function sessionHandlers(sessions: SessionStore): Pick<Handlers, keyof SessionCalls> {
  return {
    sessionLoad: async () => sessions.load(),
    sessionSave: async (snapshot) => {
      await sessions.save(snapshot);
      return { saved: true };
    },
    sessionChooseEnvironment: async ({ workspaceKey, environmentId }) => {
      await sessions.chooseEnvironment(workspaceKey, environmentId);
      return { saved: true };
    },
  };
}
