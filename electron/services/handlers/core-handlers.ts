import type { CoreCalls } from '../../../shared/calls/core-calls';
import type { Handlers } from '../../../shared/contract';
import { inspectFile, saveTextFile } from '../files/user-files';
import type { ServiceContext } from '../service-context';

export interface CoreParts {
  version: string;
  /** The OS file picker (the desktop app); browser mode's says it has none. */
  pickFile: () => Promise<{ path?: string }>;
}

/** The handlers of shared/calls/core-calls.ts: sending, files and the sample sandbox. */
export function coreHandlers(context: ServiceContext, parts: CoreParts): Pick<Handlers, keyof CoreCalls> {
  return {
    appInfo: async () => ({ version: parts.version, mode: context.mode, platform: process.platform }),
    send: (input) => context.send(input),
    cancel: (input) => context.engine.cancel(input),
    pickFile: () => parts.pickFile(),
    inspectFile,
    saveTextFile,
    startSandbox: () => context.sample.start(),
  };
}
