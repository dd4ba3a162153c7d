import { z } from 'zod';

/** How every call's outcome crosses the process boundary: never a thrown object. */
export const callErrorSchema = z.object({ code: z.string(), message: z.string() });
export type CallError = z.infer<typeof callErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** An error a service throws on purpose: its code and message reach the user as they are. */
export class LanternError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LanternError';
  }
}
