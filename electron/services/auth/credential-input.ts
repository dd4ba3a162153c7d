import { z } from 'zod';
import { LanternError } from '../../../shared/model/result';
import { isBrowserSessionSecret } from './browser-session-secret';

/** The credential kinds, their secret field, and the validation of what a user enters. */
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
    }
  | {
      id: string;
      kind: 'browserSession';
      label: string;
      /** The origin the command was copied from: the cookie is sent there only. */
      siteUrl: string;
      csrfHeader: string;
      /** The Cookie header and the CSRF token, as one JSON vault entry (see browser-session-secret.ts). */
      session: string;
    };
export type CredentialKind = Credential['kind'];

/** The one field of each kind that is secret: it lives in the vault, never in credentials.json. */
export const secretField = {
  bearer: 'token',
  basic: 'password',
  apiKey: 'key',
  oauth2: 'clientSecret',
  session: 'password',
  browserSession: 'session',
} as const satisfies Record<CredentialKind, string>;

export function secretOf(credential: Credential): string {
  return (credential as unknown as Record<string, string>)[secretField[credential.kind]] ?? '';
}

const text = (what: string) =>
  z
    .string({ error: `${what} is missing.` })
    .trim()
    .min(1, { error: `${what} is empty: fill it in.` });
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);
const webAddress = (what: string) =>
  text(what).refine((value) => /^https?:$/.test(URL.parse(value)?.protocol ?? ''), {
    error: `${what} is not a valid web address: write it in full, starting with https:// (or http://).`,
  });
const regexWithGroup = text('The CSRF pattern').refine((value) => /\((?!\?)/.test(value) && isRegExp(value), {
  error: 'The CSRF pattern must be a valid regular expression with one group in brackets around the token.',
});
const headerName = text('The CSRF header name').regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, {
  error: 'The CSRF header name may contain only letters, digits and - (e.g. X-Totara-Sesskey).',
});

/** The non-secret fields of each kind, as stored in credentials.json. */
export const publicFields = {
  bearer: z.object({}),
  basic: z.object({ username: text('The username') }),
  apiKey: z.object({}),
  oauth2: z.object({
    tokenUrl: webAddress('The token URL'),
    clientId: text('The client id'),
    scope: optionalText,
    audience: optionalText,
    clientAuth: z
      .enum(['body', 'basic'], {
        error: 'Client authentication must be "body" (form body) or "basic" (HTTP Basic).',
      })
      .default('body'),
  }),
  session: z.object({
    loginUrl: webAddress('The login URL'),
    username: text('The username'),
    csrfPattern: regexWithGroup.default('"sesskey":"([^"]+)"'),
    csrfHeader: headerName.default('X-Totara-Sesskey'),
  }),
  browserSession: z.object({
    siteUrl: webAddress('The site address').transform((value) => new URL(value).origin),
    csrfHeader: headerName.default('X-Totara-Sesskey'),
  }),
} satisfies Record<CredentialKind, z.ZodObject>;

const secretFields = {
  bearer: z.object({ token: text('The token') }),
  // Some APIs use Basic with the key as username and an empty password.
  basic: z.object({ password: z.string({ error: 'The password is missing.' }) }),
  apiKey: z.object({ key: text('The API key') }),
  oauth2: z.object({ clientSecret: text('The client secret') }),
  // Passwords are taken as typed: a leading or trailing space may be part of one.
  session: z.object({
    password: z
      .string({ error: 'The password is missing.' })
      .min(1, { error: 'The password is empty: fill it in.' }),
  }),
  browserSession: z.object({
    session: z
      .string({ error: 'The browser session is missing: paste a "Copy as cURL" command.' })
      .refine(isBrowserSessionSecret, {
        error: 'The browser session must be pasted as a "Copy as cURL" command that carries a cookie.',
      }),
  }),
} satisfies Record<CredentialKind, z.ZodObject>;

export const kindNames: Record<CredentialKind, string> = {
  bearer: 'bearer token',
  basic: 'basic (username and password)',
  apiKey: 'API key',
  oauth2: 'OAuth 2 client credentials',
  session: 'session login',
  browserSession: 'session from a browser (pasted cURL)',
};
const labelSchema = text('The name').max(200, { error: 'The name is longer than 200 characters.' });

function isRegExp(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new LanternError(
    'credential.invalid',
    `The credential was not saved: ${parsed.error.issues.map((issue) => issue.message).join(' ')}`,
  );
}

export function kindOf(input: unknown): CredentialKind {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && Object.hasOwn(secretField, kind)) return kind as CredentialKind;
  throw new LanternError(
    'credential.invalid',
    `Lantern does not know the credential kind ${JSON.stringify(kind ?? null)}. Choose one of: ${Object.values(kindNames).join(', ')}.`,
  );
}

/** Checks everything a user typed and returns the credential, secret included. */
export function validateCredential(id: string, input: unknown): Credential {
  const kind = kindOf(input);
  const fields = parseOrExplain(
    z.object({ label: labelSchema }).extend(publicFields[kind].shape).extend(secretFields[kind].shape),
    input,
  );
  return { ...fields, id, kind } as Credential;
}

/** A credential without its secret: what credentials.json holds. */
