import { z } from 'zod';
import { calls, type CallName, type Handlers } from './contract';
import { fail, ok, LanternError, type Result } from './model/result';

/** Turns zod's issues into one sentence a person can act on. */
export function describeInvalidInput(name: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `The "${name}" call was refused because its input is invalid — ${parts.join('; ')}.`;
}

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

/**
 * Calls whose result is returned without being parsed again on its way out; each has a test that
 * checks the handler's own result is exactly what the parse would make of it (no key outside the
 * schema reaches the renderer).
 * - `openWorkspace`: the view is built from the workspace's files, which its loader has already
 *   parsed with zod (their trust boundary); parsing it again took 0.1–0.2 s of each open of 5,000
 *   requests (`workspace-view-shape.test.ts` opens a workspace holding every kind of file).
 * - `send`: the exchange is built on the main side from the engine's own objects; its parse was
 *   ~0.04–0.14 ms of a ~0.9 ms small GET (`send-exchange-shape.test.ts` sends each shape an
 *   exchange takes to local servers and requires every top-level key of the exchange, its request
 *   and its response to appear; deeper keys are compared where those sends make them).
 */
const SHAPED_OUTPUTS: ReadonlySet<CallName> = new Set<CallName>(['openWorkspace', 'send']);

/**
 * The single path of every call, used by IPC and by browser mode alike: validate the input, run
 * the handler, validate the output (except the SHAPED_OUTPUTS), and return a Result.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('unknown-call', `There is no call named "${name}".`);
  const parsed = calls[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail('invalid-input', describeInvalidInput(name, parsed.error));
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return ok(SHAPED_OUTPUTS.has(name) ? value : calls[name].output.parse(value));
  } catch (error) {
    if (error instanceof LanternError) return fail(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `Lantern hit an unexpected problem while handling "${name}": ${message}`);
  }
}
