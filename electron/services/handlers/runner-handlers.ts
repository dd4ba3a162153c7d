import type { RunnerCalls } from '../../../shared/calls/runner-calls';
import type { Handlers } from '../../../shared/contract';

/** The handlers of shared/calls/runner-calls.ts. The run engine is being built: every call says so. */
export function runnerHandlers(): Pick<Handlers, keyof RunnerCalls> {
  const notYet = () => {
    throw new Error('The collection runner is not available in this build yet. Use `lantern run`.');
  };
  return { startRun: notYet, cancelRun: notYet, runReport: notYet };
}
