import { parseCliArgs, UnreadableError, USAGE, UsageError } from './args';
import type { CliIo } from './run-command';

const stdio: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * Runs one `lantern` command; resolves to the exit code (2: bad arguments or unreadable files).
 * Each command's modules load when it runs: `lantern help` (or a usage error) does not pay ~0.9 s
 * for the services, the engine and the importers.
 */
export async function runCli(argv: readonly string[], io: CliIo = stdio): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.command) {
      case 'help':
        io.out(`${USAGE}\n`);
        return 0;
      case 'run':
        return await (await import('./run-command')).runWorkspace(command, io);
      case 'import':
        return await (await import('./import-command')).importIntoWorkspace(command, io);
      case 'curl':
        return await (await import('./curl-command')).describeCurl(command, io);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`lantern: ${error.message}\n${error instanceof UnreadableError ? '' : `\n${USAGE}\n`}`);
      return 2;
    }
    io.err(`lantern: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
