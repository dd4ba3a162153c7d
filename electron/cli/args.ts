/** The `lantern` command line: commands, options and the usage text. Bad arguments exit with 2. */
import { parseEnvVarOption } from '../../shared/runner/run-variables';

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
      /** A CSV or JSON file: one iteration per row, its columns variables in it. */
      data?: string;
      /** Repeats without a data file (with one, the rows decide). */
      iterations?: number;
      /** Stop at the first failed request. */
      bail: boolean;
      /** Milliseconds between requests. */
      delayMs: number;
      /** Write the app's History (off unless asked). */
      history: boolean;
      /** `--env-var NAME=VALUE`, in the order given (a later one wins). */
      envVars: { name: string; value: string }[];
    }
  | { command: 'import'; file: string; into: string }
  | { command: 'curl'; file: string | undefined; json: boolean }
  | { command: 'help' };

export const USAGE = `Usage:
  lantern run <workspace> [--env NAME] [--folder PATH] [--reporter text|json|junit]
              [--data FILE] [--iterations N] [--env-var NAME=VALUE]... [--delay MS] [--bail]
              [--history] [--data-dir DIR] [--rate-window SECONDS] [--max-wait SECONDS]
              [--timeout SECONDS]
  lantern import <file> --into <workspace>
  lantern curl [file|-] --json
  lantern help

run      sends the workspace's requests in the sidebar's order with the app's engine,
         credentials and environments, waits out rate limits, checks each request's tests, and
         exits with 1 when a request fails its status expectation (2xx unless the request says
         otherwise), a test or a capture.
         --data FILE         a CSV (header row = variable names) or JSON file (an array of flat
                             objects): the requests run once per row, its values as variables
         --iterations N      run the requests N times (without --data)
         --env-var NAME=VALUE  set a variable for the run, over every other; repeatable. So do
                             LANTERN_VAR_<NAME> environment variables (--env-var wins). Their
                             values are treated as secrets: masked in reports, never saved
         --delay MS          wait MS milliseconds between requests
         --bail              stop at the first failed request
         --history           write the requests to the app's History (not written otherwise;
                             close the app on the same --data-dir first: it rewrites the index)
import   imports a Postman, Insomnia, HAR or cURL file into a workspace folder.
curl     prints the request a cURL command describes (from a file, or stdin with - or no file).`;

const VALUE_OPTIONS: Record<string, string[]> = {
  run: [
    '--env',
    '--folder',
    '--reporter',
    '--data-dir',
    '--rate-window',
    '--max-wait',
    '--timeout',
    '--data',
    '--iterations',
    '--delay',
    '--env-var',
  ],
  import: ['--into'],
  curl: [],
};
const FLAG_OPTIONS: Record<string, string[]> = { run: ['--bail', '--history'], import: [], curl: ['--json'] };

function split(command: string, args: string[]) {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string?]) : [arg];
    if (VALUE_OPTIONS[command]?.includes(name)) {
      const value = inline ?? args[(i += 1)];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      values.set(name, value);
      lists.set(name, [...(lists.get(name) ?? []), value]);
    } else if (FLAG_OPTIONS[command]?.includes(name)) flags.add(name);
    else if (arg.startsWith('--')) throw new UsageError(`lantern ${command} has no option ${name}.`);
    else positional.push(arg);
  }
  return { values, lists, flags, positional };
}

/** A whole number from `min` up, for --iterations and --delay. */
function whole(name: string, text: string | undefined, min: number, unit: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min)
    throw new UsageError(`${name} must be a whole number of ${unit} (${min} or more), not "${text}".`);
  return value;
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
  const { values, lists, flags, positional } = split(command, rest);
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
      data: values.get('--data'),
      iterations: whole('--iterations', values.get('--iterations'), 1, 'iterations'),
      bail: flags.has('--bail'),
      delayMs: whole('--delay', values.get('--delay'), 0, 'milliseconds') ?? 0,
      history: flags.has('--history'),
      envVars: (lists.get('--env-var') ?? []).map((text) => {
        try {
          return parseEnvVarOption(text);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      }),
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
