/** What the desktop app says when it cannot start, instead of an unhandled rejection nobody sees. */
export function startupErrorMessage(
  error: unknown,
  dataDir: string | undefined,
): { title: string; detail: string } {
  const what = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? `\n\n${error.stack}` : '';
  return {
    title: 'Lantern could not start',
    detail:
      `${what}\n\n` +
      (dataDir ? `Your settings, history and vault are in ${dataDir}; nothing there was changed. ` : '') +
      'Start Lantern again; if this happens every time, report it with the details below.' +
      stack,
  };
}

/** Reports a start-up failure with `show` (Electron's error box), then ends the app with `exit(1)`. */
export function reportStartupError(
  error: unknown,
  parts: { dataDir?: string; show: (title: string, detail: string) => void; exit: (code: number) => void },
): void {
  const { title, detail } = startupErrorMessage(error, parts.dataDir);
  console.error(`${title}: ${detail}`);
  try {
    parts.show(title, detail);
  } finally {
    parts.exit(1);
  }
}
