/** The part of Electron's `app` the quit sequence uses (a stub in tests). */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  exit(code?: number): void;
}

export interface CloseBeforeQuitOptions {
  /** Closes the services: the delayed cookie-jar write and history writes finish. */
  close: () => Promise<unknown> | undefined;
  /** Longest wait before quitting anyway, so a stuck write never keeps Lantern open. */
  timeoutMs?: number;
  /** Where a failed or slow close is told (the terminal, in the desktop app). */
  log?: (message: string) => void;
}

/**
 * Electron does not wait for promises in `will-quit`: Lantern would exit while a jar or history
 * write is still in flight. The first `will-quit` is held back until the services closed (or
 * `timeoutMs` passed), then `app.exit()` ends the app; `exit` emits no further `will-quit`.
 * A quit asked for again meanwhile is held back too: the exit is already on its way.
 */
export function closeBeforeQuit(
  app: QuittingApp,
  { close, timeoutMs = 3_000, log = console.error }: CloseBeforeQuitOptions,
): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    void settleWithin(close, timeoutMs, log).then(() => app.exit(0));
  });
}

async function settleWithin(
  close: () => Promise<unknown> | undefined,
  timeoutMs: number,
  log: (message: string) => void,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    const outcome = await Promise.race([Promise.resolve().then(close), late]);
    if (outcome === 'late')
      log(
        `Lantern quit before its last writes finished (waited ${timeoutMs} ms): recent cookies or history may be missing.`,
      );
  } catch (error) {
    log(
      `Lantern could not finish its last writes before quitting: ${(error as Error).message ?? String(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
