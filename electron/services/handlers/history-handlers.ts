import type { HistoryCalls } from '../../../shared/calls/history-calls';
import type { Handlers } from '../../../shared/contract';
import type { ServiceContext } from '../service-context';

/** The handlers of shared/calls/history-calls.ts. */
export function historyHandlers({ history }: ServiceContext): Pick<Handlers, keyof HistoryCalls> {
  return {
    listHistory: async () => ({ entries: await history.list(), problems: history.problems() }),
    getHistoryEntry: ({ id }) => history.get(id),
    deleteHistoryEntry: async ({ id }) => ({ deleted: await history.delete(id) }),
    clearHistory: async () => {
      await history.clear();
      return {};
    },
  };
}
