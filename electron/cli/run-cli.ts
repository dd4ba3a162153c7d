import { parseCliArgs, UnreadableError, USAGE, UsageError } from './args';
import { describeCurl } from './curl-command';
import { importIntoWorkspace } from './import-command';
import { runWorkspace, type CliIo } from './run-command';

const stdio: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs one `lantern` command; resolves to the exit code (2: bad arguments or unreadable files). */
export async function runCli(argv: readonly string[], io: CliIo = stdio): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.command) {
      case 'help':
        io.out(`${USAGE}\n`);
        return 0;
      case 'run':
        return await runWorkspace(command, io);
      case 'import':
        return await importIntoWorkspace(command, io);
      case 'curl':
        return await describeCurl(command, io);
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
