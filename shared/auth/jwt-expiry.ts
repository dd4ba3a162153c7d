import { decodeJwt } from 'jose';

/**
 * When a JWT expires, from its `exp` claim (epoch ms); undefined for an opaque token or a JWT
 * without `exp`. The claims are read, not verified: only the issuer can verify them, and the
 * expiry is needed to explain a refusal, not to trust the token.
 */
export function jwtExpiresAt(token: string): number | undefined {
  const candidate = token.trim();
  if (candidate.split('.').length !== 3) return undefined;
  try {
    const { exp } = decodeJwt(candidate);
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
