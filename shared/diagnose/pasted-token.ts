import { jwtExpiresAt } from '../auth/jwt-expiry';
import type { Facts } from './facts';

/** A token the user pasted (a bearer credential, or typed in the header) that says when it expires. */
export function pastedExpiry(facts: Facts): { expiresAt: number; what: string } | undefined {
  const auth = facts.input.exchange?.auth;
  if (auth?.type === 'bearer' && auth.tokenExpiresAt !== undefined)
    return {
      expiresAt: auth.tokenExpiresAt,
      what: `The token of ${auth.credentialLabel ?? 'the bearer credential'}`,
    };
  const typed = facts.input.draft?.headers?.find(
    (h) => h.enabled !== false && h.name.toLowerCase() === 'authorization',
  )?.value;
  const literal = typed === undefined ? undefined : /^\s*Bearer\s+([^\s{}]+)\s*$/i.exec(typed)?.[1];
  const expiresAt = literal === undefined ? undefined : jwtExpiresAt(literal);
  return expiresAt === undefined ? undefined : { expiresAt, what: 'The token in the Authorization header' };
}
