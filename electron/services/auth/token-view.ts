import { decodeJwt, decodeProtectedHeader } from 'jose';
import { maskSecret } from '../../../shared/model/auth';
import type { TokenSummary } from '../../../shared/model/token';
import type { CredentialStore } from './credential-store';
import type { TokenRecord } from './token-manager';

/** Decodes a JWT's header and claims with jose; undefined for an opaque token. */
function decodeIfJwt(token: string): TokenSummary['jwt'] {
  try {
    return { header: { ...decodeProtectedHeader(token) }, payload: { ...decodeJwt(token) } };
  } catch {
    return undefined;
  }
}

/** What the token viewer may see of a token: everything but its value. */
export function summarizeToken(record: TokenRecord, credentials: CredentialStore): TokenSummary {
  let clientLabel = record.credentialId;
  let clientId = '';
  try {
    const credential = credentials.get(record.credentialId);
    clientLabel = credential.label;
    if (credential.kind === 'oauth2') clientId = credential.clientId;
  } catch {
    // the credential was deleted; its tokens stay listed until forgotten
  }
  return {
    id: record.id,
    credentialId: record.credentialId,
    clientLabel,
    clientId,
    tokenType: record.tokenType,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    scope: record.scope,
    maskedValue: maskSecret(record.accessToken),
    jwt: decodeIfJwt(record.accessToken),
    usedBy: [...record.usedBy].reverse(),
    ...(record.rejected ? { rejected: record.rejected } : {}),
  };
}
