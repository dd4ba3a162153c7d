import { LanternError } from '../../../shared/model/result';
import { maskSecret, type CredentialSummary } from '../../../shared/model/auth';

export type Credential =
  | { id: string; kind: 'bearer'; label: string; token: string }
  | { id: string; kind: 'basic'; label: string; username: string; password: string }
  | { id: string; kind: 'apiKey'; label: string; key: string }
  | {
      id: string;
      kind: 'oauth2';
      label: string;
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scope?: string;
      audience?: string;
      /** Where the secret goes: in the form body (Totara) or as HTTP Basic. */
      clientAuth: 'body' | 'basic';
    }
  | {
      id: string;
      kind: 'session';
      label: string;
      loginUrl: string;
      username: string;
      password: string;
      /** A regular expression whose first group captures the CSRF token from the logged-in page. */
      csrfPattern: string;
      csrfHeader: string;
    };

export function secretOf(credential: Credential): string {
  switch (credential.kind) {
    case 'bearer':
      return credential.token;
    case 'basic':
    case 'session':
      return credential.password;
    case 'apiKey':
      return credential.key;
    case 'oauth2':
      return credential.clientSecret;
  }
}

function detailsOf(credential: Credential): [string, string][] {
  switch (credential.kind) {
    case 'oauth2':
      return [
        ['Token URL', credential.tokenUrl],
        ['Client id', credential.clientId],
        [
          'Client authentication',
          credential.clientAuth === 'body' ? 'secret in the form body' : 'HTTP Basic',
        ],
        ...(credential.scope ? ([['Scope', credential.scope]] as [string, string][]) : []),
      ];
    case 'session':
      return [
        ['Login URL', credential.loginUrl],
        ['Username', credential.username],
        ['CSRF header', credential.csrfHeader],
      ];
    case 'basic':
      return [['Username', credential.username]];
    default:
      return [];
  }
}

/**
 * The main side's credentials, by id. Secret values never leave this module except to
 * build a request; the renderer sees summaries with masked previews.
 */
export class CredentialStore {
  private readonly byId = new Map<string, Credential>();

  put(credential: Credential): void {
    this.byId.set(credential.id, credential);
  }

  get(id: string): Credential {
    const credential = this.byId.get(id);
    if (!credential) {
      throw new LanternError(
        'auth.unknown-credential',
        `The request uses a credential (id "${id}") that Lantern does not have. Pick another credential in the Auth tab, or create it again.`,
      );
    }
    return credential;
  }

  summaries(): CredentialSummary[] {
    return [...this.byId.values()].map((credential) => ({
      id: credential.id,
      kind: credential.kind,
      label: credential.label,
      details: detailsOf(credential),
      secretPreview: maskSecret(secretOf(credential)),
    }));
  }

  /** Every secret value held, for masking anything that might echo one back. */
  allSecrets(): string[] {
    return [...this.byId.values()].map(secretOf);
  }
}
