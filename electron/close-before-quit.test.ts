import { describe, expect, it, vi } from 'vitest';
import { closeBeforeQuit, type QuittingApp } from './close-before-quit';

/** Electron's app as far as quitting goes: `will-quit` listeners and `exit`. */
function fakeApp() {
  const listeners: ((event: { preventDefault(): void }) => void)[] = [];
  const app = {
    exited: [] as (number | undefined)[],
    on: (_event: 'will-quit', listener: (event: { preventDefault(): void }) => void) =>
      listeners.push(listener),
    exit: (code?: number) => app.exited.push(code),
    /** Emits will-quit; resolves to whether a listener held the quit back. */
    quit: () => {
      let prevented = false;
      for (const listener of listeners) listener({ preventDefault: () => (prevented = true) });
      return prevented;
    },
  } satisfies QuittingApp & Record<string, unknown>;
  return app;
}

describe('closeBeforeQuit', () => {
  it('holds the quit back until the services have closed, then exits once', async () => {
    const app = fakeApp();
    let finish!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    closeBeforeQuit(app, { close, timeoutMs: 5_000, log: () => undefined });

    expect(app.quit()).toBe(true);
    expect(app.quit()).toBe(true); // asked again while closing: still held, close not run twice
    await Promise.resolve();
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.exited).toEqual([]);

    finish();
    await vi.waitFor(() => expect(app.exited).toEqual([0]));
  });

  it('exits anyway after the timeout when a write hangs, and says so', async () => {
    vi.useFakeTimers();
    try {
      const app = fakeApp();
      const log = vi.fn();
      closeBeforeQuit(app, { close: () => new Promise(() => undefined), timeoutMs: 3_000, log });
      app.quit();
      await vi.advanceTimersByTimeAsync(2_999);
      expect(app.exited).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(app.exited).toEqual([0]);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/waited 3000 ms.*may be missing/));
    } finally {
      vi.useRealTimers();
    }
  });

  it('exits when closing fails or there are no services yet', async () => {
    const failing = fakeApp();
    const log = vi.fn();
    closeBeforeQuit(failing, { close: () => Promise.reject(new Error('disk full')), log });
    failing.quit();
    await vi.waitFor(() => expect(failing.exited).toEqual([0]));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not finish its last writes.*disk full/));

    const early = fakeApp();
    closeBeforeQuit(early, { close: () => undefined, log });
    early.quit();
    await vi.waitFor(() => expect(early.exited).toEqual([0]));
  });
});
