import { defaultConfig, parseConfigPatch } from './config';
import type { SandboxConfig } from './config';
import type { StartSandboxOptions } from './index';

export type CliParse =
  { ok: true; help: boolean; options: StartSandboxOptions } | { ok: false; message: string };

const kebab = (name: string) => name.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, char: string) => char.toUpperCase());

function configValue(key: keyof SandboxConfig, raw: string | undefined): unknown {
  const kind = typeof defaultConfig[key];
  if (kind === 'boolean')
    return raw === undefined ? true : raw === 'true' ? true : raw === 'false' ? false : raw;
  if (kind === 'number') return raw === undefined || raw.trim() === '' ? raw : Number(raw);
  return raw;
}

/**
 * `--port N`, `--host H`, `--admin-token T`, and one flag per config key in kebab case:
 * `--max-depth 12`, `--error-level=none`, `--strip-authorization`, `--no-introspection`.
 */
export function parseCliArgs(argv: string[]): CliParse {
  const options: StartSandboxOptions = {};
  const patch: Record<string, unknown> = {};
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--'))
      return { ok: false, message: `Unexpected argument "${arg}". Flags start with --.` };
    const [rawName = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    const negated = rawName.startsWith('no-');
    const name = camel(negated ? rawName.slice(3) : rawName);
    const isConfigKey = name in defaultConfig;
    const isBoolean = isConfigKey && typeof defaultConfig[name as keyof SandboxConfig] === 'boolean';
    let value = inline;
    const next = argv[i + 1];
    if (value === undefined && !negated && next !== undefined && !next.startsWith('--')) {
      if (!isBoolean || next === 'true' || next === 'false') {
        value = next;
        i += 1;
      }
    }
    if (name === 'port' || name === 'host' || name === 'adminToken') {
      if (value === undefined) return { ok: false, message: `--${rawName} needs a value.` };
      if (name === 'port') {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          return { ok: false, message: `--port must be 0-65535, got "${value}".` };
        options.port = port;
      } else if (name === 'host') options.host = value;
      else options.adminToken = value;
      continue;
    }
    if (!isConfigKey)
      return { ok: false, message: `Unknown flag --${rawName}. Run with --help to list flags.` };
    if (negated && !isBoolean) return { ok: false, message: `--${rawName} only works for on/off switches.` };
    patch[name] = negated ? false : configValue(name as keyof SandboxConfig, value);
  }
  const parsed = parseConfigPatch(patch, (key) => `--${kebab(key)}`);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return { ok: true, help, options: { ...options, ...parsed.value } };
}

export function cliHelp(): string {
  const flags = Object.entries(defaultConfig).map(
    ([key, value]) =>
      `  --${kebab(key)} ${typeof value === 'boolean' ? '[true|false]  (or --no-' + kebab(key) + ')' : '<value>'}  default ${JSON.stringify(value)}`,
  );
  return [
    'Usage: npm run sandbox -- [--port N] [--host 127.0.0.1] [--admin-token T] [switches]',
    '',
    'Switches (also changeable at run time with PUT /__sandbox/config):',
    ...flags,
  ].join('\n');
}
