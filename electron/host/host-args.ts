export interface HostArgs {
  port: number;
  open: boolean;
  reason: string | undefined;
  /** Where settings, history and the vault live; defaults to the OS's app-data folder. */
  dataDir: string | undefined;
  /** Folders given with `--workspace DIR`: they open as workspaces without the folder rules. */
  workspaces: string[];
}

/** Parses `--port N`, `--no-open`, `--data-dir PATH`, `--workspace DIR` (repeatable) and `--reason TEXT`; throws a plain-words error on anything else. */
export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { port: 0, open: true, reason: undefined, dataDir: undefined, workspaces: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-open') args.open = false;
    else if (arg === '--port' || arg?.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        throw new Error(
          `--port needs a whole number from 0 to 65535 (0 picks a free port); got "${value ?? ''}".`,
        );
      }
      args.port = port;
    } else if (arg === '--reason') args.reason = argv[++i];
    else if (arg === '--data-dir' || arg?.startsWith('--data-dir=')) {
      const value = arg === '--data-dir' ? argv[++i] : arg.slice('--data-dir='.length);
      if (!value) throw new Error('--data-dir needs a folder path.');
      args.dataDir = value;
    } else if (arg === '--workspace' || arg?.startsWith('--workspace=')) {
      const value = arg === '--workspace' ? argv[++i] : arg.slice('--workspace='.length);
      if (!value) throw new Error('--workspace needs a folder path.');
      args.workspaces.push(value);
    } else
      throw new Error(
        `Unknown option "${arg}". Options: --port N, --no-open, --data-dir PATH, --workspace DIR.`,
      );
  }
  return args;
}
