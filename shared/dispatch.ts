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
 * The single path of every call, used by IPC and by browser mode alike:
 * validate the input, run the handler, validate the output, and return a Result.
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
    return ok(calls[name].output.parse(value));
  } catch (error) {
    if (error instanceof LanternError) return fail(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `Lantern hit an unexpected problem while handling "${name}": ${message}`);
  }
}
