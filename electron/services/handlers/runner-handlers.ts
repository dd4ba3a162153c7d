import type { RunnerCalls } from '../../../shared/calls/runner-calls';
import type { Handlers } from '../../../shared/contract';
import { createAppRunner } from '../runner/app-runner';
import type { ServiceContext } from '../service-context';

/** The handlers of shared/calls/runner-calls.ts: the app's collection runner (`lantern run`'s engine). */
export function runnerHandlers(context: ServiceContext): Pick<Handlers, keyof RunnerCalls> {
  return createAppRunner(context);
}
