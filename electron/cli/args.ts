/** The `lantern` command line: commands, options and the usage text. Bad arguments exit with 2. */

export class UsageError extends Error {}
/** A file that cannot be read: exit 2 too, but the usage text would not help. */
export class UnreadableError extends UsageError {}

export type Reporter = 'text' | 'json' | 'junit';

export type CliCommand =
  | {
      command: 'run';
      workspace: string;
      env?: string;
      folder?: string;
      reporter: Reporter;
      dataDir?: string;
      /** Seconds to assume for a rate-limit window that the API does not state. */
      rateWindowSeconds: number;
      /** The longest single wait for a rate limit, in seconds; a longer one fails the request. */
      maxWaitSeconds: number;
      timeoutSeconds: number;
    }
  | { command: 'import'; file: string; into: string }
  | { command: 'curl'; file: string | undefined; json: boolean }
  | { command: 'help' };

export const USAGE = `Usage:
  lantern run <workspace> [--env NAME] [--folder PATH] [--reporter text|json|junit]
              [--data-dir DIR] [--rate-window SECONDS] [--max-wait SECONDS] [--timeout SECONDS]
  lantern import <file> --into <workspace>
  lantern curl [file|-] --json
  lantern help

run      sends the workspace's requests in order with the app's engine, credentials and
         environments, waits out rate limits, and exits with 1 when a request fails its
         status expectation (2xx unless the request says otherwise).
import   imports a Postman, Insomnia, HAR or cURL file into a workspace folder.
curl     prints the request a cURL command describes (from a file, or stdin with - or no file).`;

const VALUE_OPTIONS: Record<string, string[]> = {
  run: ['--env', '--folder', '--reporter', '--data-dir', '--rate-window', '--max-wait', '--timeout'],
  import: ['--into'],
  curl: [],
};
const FLAG_OPTIONS: Record<string, string[]> = { run: [], import: [], curl: ['--json'] };

function split(command: string, args: string[]) {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string?]) : [arg];
    if (VALUE_OPTIONS[command]?.includes(name)) {
      const value = inline ?? args[(i += 1)];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      values.set(name, value);
    } else if (FLAG_OPTIONS[command]?.includes(name)) flags.add(name);
    else if (arg.startsWith('--')) throw new UsageError(`lantern ${command} has no option ${name}.`);
    else positional.push(arg);
  }
  return { values, flags, positional };
}

function seconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${name} must be a number of seconds above 0, not "${text}".`);
  return value;
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h')
    return { command: 'help' };
  if (!(command in VALUE_OPTIONS)) throw new UsageError(`There is no command "${command}".`);
  const { values, flags, positional } = split(command, rest);
  if (command === 'run') {
    if (positional.length !== 1) throw new UsageError('lantern run needs exactly one workspace folder.');
    const reporter = values.get('--reporter') ?? 'text';
    if (reporter !== 'text' && reporter !== 'json' && reporter !== 'junit')
      throw new UsageError(`--reporter must be text, json or junit, not "${reporter}".`);
    return {
      command,
      workspace: positional[0] as string,
      env: values.get('--env'),
      folder: values.get('--folder'),
      reporter,
      dataDir: values.get('--data-dir'),
      rateWindowSeconds: seconds('--rate-window', values.get('--rate-window'), 60),
      maxWaitSeconds: seconds('--max-wait', values.get('--max-wait'), 120),
      timeoutSeconds: seconds('--timeout', values.get('--timeout'), 30),
    };
  }
  if (command === 'import') {
    if (positional.length !== 1) throw new UsageError('lantern import needs exactly one file to import.');
    const into = values.get('--into');
    if (into === undefined) throw new UsageError('lantern import needs --into <workspace folder>.');
    return { command, file: positional[0] as string, into };
  }
  if (positional.length > 1) throw new UsageError('lantern curl reads one file (or - for stdin).');
  const file = positional[0];
  return { command: 'curl', file: file === '-' ? undefined : file, json: flags.has('--json') };
}
