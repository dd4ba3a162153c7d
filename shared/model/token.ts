import { z } from 'zod';

/** A token as the token viewer shows it: never the value, only a masked preview. */
export const tokenSummarySchema = z.object({
  id: z.string(),
  credentialId: z.string(),
  clientLabel: z.string(),
  clientId: z.string(),
  tokenType: z.string(),
  issuedAt: z.number(),
  /** Epoch ms; absent when the server stated none (neither expires_in nor a JWT exp). */
  expiresAt: z.number().optional(),
  scope: z.string().optional(),
  maskedValue: z.string(),
  /** The decoded JWT, when the token is one (claims are not the secret; the signature is). */
  jwt: z
    .object({ header: z.record(z.string(), z.unknown()), payload: z.record(z.string(), z.unknown()) })
    .optional(),
  /** The last requests that used it, newest first. */
  usedBy: z.array(
    z.object({ at: z.number(), method: z.string(), url: z.string(), status: z.number().optional() }),
  ),
  /** The server refused it (401, or an "invalid token" answer): when, and which request. */
  rejected: z
    .object({ at: z.number(), method: z.string(), url: z.string(), status: z.number().optional() })
    .optional(),
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;

export type TokenState = 'valid' | 'expiring' | 'expired' | 'no-expiry' | 'rejected';

/** Under this much time left, a token is "expiring soon". */
export const EXPIRING_SOON_MS = 60_000;

/** A token the server refused is "rejected", whatever its stated expiry says. */
export function tokenState(expiresAt: number | undefined, nowMs: number, rejected?: unknown): TokenState {
  if (rejected) return 'rejected';
  if (expiresAt === undefined) return 'no-expiry';
  if (expiresAt <= nowMs) return 'expired';
  return expiresAt - nowMs <= EXPIRING_SOON_MS ? 'expiring' : 'valid';
}

/** "1 h 02 min", "4 min 05 s", "12 s" */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}
