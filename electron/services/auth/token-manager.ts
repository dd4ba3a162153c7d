import { randomUUID } from 'node:crypto';
import { readTokenResponse } from '../../../shared/auth/token-response';
import { LanternError } from '../../../shared/model/result';
import type { Credential } from './credential-store';
import { postForm } from './form-post';

type OAuthCredential = Extract<Credential, { kind: 'oauth2' }>;

export interface TokenRecord {
  id: string;
  credentialId: string;
  accessToken: string;
  tokenType: string;
  issuedAt: number;
  /** Undefined when neither `expires_in` nor a JWT `exp` said. */
  expiresAt: number | undefined;
  scope: string | undefined;
  /** Where it came from, as resolved for the environment it was granted in. */
  tokenUrl: string;
  clientId: string;
  /** The last requests that used it, oldest first (bounded). */
  usedBy: { at: number; method: string; url: string; status?: number }[];
  /** The server refused it: it is never used again, and the token viewer says when and where. */
  rejected?: { at: number; method: string; url: string; status?: number };
}

const MAX_USES_KEPT = 10;

/** A token this close to expiry is treated as expired: it could lapse in flight. */
const EXPIRY_MARGIN_MS = 10_000;

/**
 * OAuth 2 client-credentials tokens, cached per client and scope. There is no refresh
 * token in this grant, so an expired token is simply granted again.
 */
export class TokenManager {
  private readonly tokens: TokenRecord[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  isUsable(token: TokenRecord): boolean {
    if (token.rejected) return false;
    return token.expiresAt === undefined || token.expiresAt - EXPIRY_MARGIN_MS > this.now();
  }

  /**
   * The newest usable token for this credential, or a new grant; `step` says which, and `expired`
   * is set when the grant replaced a cached token that had expired (or was about to).
   */
  async tokenFor(
    credential: OAuthCredential,
    { fresh = false } = {},
  ): Promise<{ token: TokenRecord; step: string; expired?: { expiresAt?: number } }> {
    const newest = this.tokens
      // The same credential may point elsewhere in another environment ({{base}} in its token URL).
      .filter(
        (t) =>
          t.credentialId === credential.id &&
          t.tokenUrl === credential.tokenUrl &&
          t.clientId === credential.clientId,
      )
      .filter((t) => t.scope === (credential.scope || t.scope))
      .sort((a, b) => b.issuedAt - a.issuedAt)[0];
    const cached = newest && this.isUsable(newest) ? newest : undefined;
    if (cached && !fresh) {
      const left =
        cached.expiresAt === undefined
          ? 'no stated expiry'
          : `expires in ${Math.round((cached.expiresAt - this.now()) / 1000)} s`;
      return { token: cached, step: `Used a cached token for ${credential.label} (${left}).` };
    }
    const granted = await this.grant(credential);
    // Client credentials come without a refresh token: an expired one is simply granted again.
    // Only an expiry is told as one: a rejected token was refused by the server, not expired.
    const expired =
      newest !== undefined &&
      !cached &&
      !fresh &&
      !newest.rejected &&
      newest.expiresAt !== undefined &&
      newest.expiresAt - EXPIRY_MARGIN_MS <= this.now();
    return expired ? { ...granted, expired: { expiresAt: newest.expiresAt } } : granted;
  }

  async grant(credential: OAuthCredential): Promise<{ token: TokenRecord; step: string }> {
    const fields: Record<string, string> = { grant_type: 'client_credentials' };
    const headers: Record<string, string> = {};
    if (credential.clientAuth === 'basic') {
      const pair = `${encodeURIComponent(credential.clientId)}:${encodeURIComponent(credential.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    } else {
      fields.client_id = credential.clientId;
      fields.client_secret = credential.clientSecret;
    }
    if (credential.scope) fields.scope = credential.scope;
    if (credential.audience) fields.audience = credential.audience;
    const response = await postForm(credential.tokenUrl, fields, headers);
    const verdict = readTokenResponse(response.status, response.text, this.now());
    if (!verdict.ok) throw new LanternError(verdict.code, verdict.message);
    const token: TokenRecord = {
      id: randomUUID(),
      credentialId: credential.id,
      tokenUrl: credential.tokenUrl,
      clientId: credential.clientId,
      accessToken: verdict.accessToken,
      tokenType: verdict.tokenType,
      issuedAt: this.now(),
      expiresAt: verdict.expiresAt,
      scope: verdict.scope ?? credential.scope,
      usedBy: [],
    };
    this.tokens.push(token);
    return {
      token,
      step: `Got a new token from ${credential.tokenUrl} (HTTP ${response.status}, ${Math.round(response.ms)} ms).`,
    };
  }

  /** Remembers that a request used a token (its URL already masked by the caller). */
  noteUse(tokenId: string, use: TokenRecord['usedBy'][number]): void {
    const token = this.tokens.find((t) => t.id === tokenId);
    if (!token) return;
    token.usedBy.push(use);
    if (token.usedBy.length > MAX_USES_KEPT) token.usedBy.shift();
  }

  /** Remembers that the server refused a token (its URL already masked by the caller). */
  noteRejected(tokenId: string, by: NonNullable<TokenRecord['rejected']>): void {
    const token = this.tokens.find((t) => t.id === tokenId);
    if (token) token.rejected = by;
  }

  /** The value itself: only for an explicit reveal or copy by the user. */
  reveal(tokenId: string): string | undefined {
    return this.tokens.find((t) => t.id === tokenId)?.accessToken;
  }

  list(): readonly TokenRecord[] {
    return this.tokens;
  }

  forget(tokenId: string): boolean {
    const index = this.tokens.findIndex((t) => t.id === tokenId);
    if (index >= 0) this.tokens.splice(index, 1);
    return index >= 0;
  }
}
