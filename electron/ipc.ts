import { ipcMain as electronIpcMain, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { callChannel, callNames, type Handlers } from '../shared/contract';
import { dispatch } from '../shared/dispatch';
import { fail, type Result } from '../shared/model/result';

export interface RegisterOptions {
  /** Decides whether a call comes from our own window (see isTrustedSenderUrl). */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
  ipcMain?: Pick<IpcMain, 'handle' | 'removeHandler'>;
}

/**
 * Registers one ipcMain handler per contract call: sender check → input parse →
 * service → Result. Nothing thrown ever crosses the boundary.
 */
export function registerHandlers(
  handlers: Handlers,
  { isTrustedSender, ipcMain = electronIpcMain }: RegisterOptions,
) {
  for (const name of callNames) {
    ipcMain.handle(callChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return fail(
          'untrusted-sender',
          `The "${name}" call was refused: it did not come from Lantern's own window.`,
        );
      }
      return dispatch(handlers, name, input);
    });
  }
  return () => callNames.forEach((name) => ipcMain.removeHandler(callChannel(name)));
}

/** A sender is trusted when its frame was loaded from one of our own origins. */
export function isTrustedSenderUrl(url: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (!url) return false;
  try {
    // Built from protocol and host: Node reports the origin of custom schemes as "null".
    const parsed = new URL(url);
    return allowedOrigins.includes(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}
