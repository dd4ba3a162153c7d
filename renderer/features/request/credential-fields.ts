import type { CredentialSummary } from '../../../shared/model/auth';

export type CredentialKind = CredentialSummary['kind'];

export interface FieldSpec {
  key: string;
  label: string;
  placeholder?: string;
  options?: { value: string; label: string }[];
  defaultValue?: string;
  optional?: boolean;
}

/** The non-secret fields each credential kind asks for; the secret is asked for separately. */
export const CREDENTIAL_FIELDS: Record<CredentialKind, { secretLabel: string; fields: FieldSpec[] }> = {
  bearer: { secretLabel: 'Token', fields: [] },
  basic: { secretLabel: 'Password', fields: [{ key: 'username', label: 'Username' }] },
  apiKey: { secretLabel: 'API key', fields: [] },
  oauth2: {
    secretLabel: 'Client secret',
    fields: [
      { key: 'tokenUrl', label: 'Token URL', placeholder: 'https://lms.example.com/totara/oauth2/token.php' },
      { key: 'clientId', label: 'Client id' },
      { key: 'scope', label: 'Scope', optional: true },
      { key: 'audience', label: 'Audience', optional: true },
      {
        key: 'clientAuth',
        label: 'Send the secret',
        defaultValue: 'body',
        options: [
          { value: 'body', label: 'in the form body (Totara)' },
          { value: 'basic', label: 'as HTTP Basic' },
        ],
      },
    ],
  },
  session: {
    secretLabel: 'Password',
    fields: [
      { key: 'loginUrl', label: 'Login URL', placeholder: 'https://lms.example.com/login/index.php' },
      { key: 'username', label: 'Username' },
      { key: 'csrfPattern', label: 'CSRF token pattern', defaultValue: '"sesskey":"([^"]+)"' },
      { key: 'csrfHeader', label: 'CSRF header', defaultValue: 'X-Totara-Sesskey' },
    ],
  },
  // Filled from a pasted "Copy as cURL" (CredentialDialog), never typed field by field.
  browserSession: {
    secretLabel: 'Cookie and CSRF token',
    fields: [{ key: 'csrfHeader', label: 'CSRF header', defaultValue: 'X-Totara-Sesskey' }],
  },
};

export const KIND_NAMES: Record<CredentialKind, string> = {
  bearer: 'Bearer token',
  basic: 'Basic auth',
  apiKey: 'API key',
  oauth2: 'OAuth 2 client credentials',
  session: 'Session login + CSRF header',
  browserSession: 'Session from a browser (pasted cURL)',
};
