import { z } from 'zod';

const credentialId = z.string().min(1).max(128);

/**
 * How a request authenticates. It names a credential by id: the secret values stay on
 * the main side and never enter a draft, a file or the renderer.
 */
export const requestAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('bearer'), credentialId }),
  z.object({ type: z.literal('basic'), credentialId }),
  z.object({
    type: z.literal('apiKey'),
    credentialId,
    name: z.string().min(1).max(256),
    in: z.enum(['header', 'query']),
  }),
  z.object({ type: z.literal('oauth2'), credentialId }),
  z.object({ type: z.literal('session'), credentialId }),
  /** The cookie and CSRF header of a browser session pasted as "Copy as cURL": never renewed. */
  z.object({ type: z.literal('browserSession'), credentialId }),
]);
export type RequestAuth = z.infer<typeof requestAuthSchema>;

/** Every credential kind; each is also the request auth type that uses it. */
export const credentialKinds = ['bearer', 'basic', 'apiKey', 'oauth2', 'session', 'browserSession'] as const;
export const credentialKindSchema = z.enum(credentialKinds);

/** What the renderer may know of a credential: never a secret, only a masked preview. */
export const credentialSummarySchema = z.object({
  id: credentialId,
  kind: credentialKindSchema,
  label: z.string(),
  /** Non-secret facts: client id, token URL, username, login URL. */
  details: z.array(z.tuple([z.string(), z.string()])),
  /** e.g. `••••3f9a` */
  secretPreview: z.string(),
  /** The non-secret fields by name, for editing (token URL, client id, username…). */
  fields: z.record(z.string(), z.string()).default({}),
  /** `{{name}}` when the credential takes its secret from that variable when a request is sent. */
  secretReference: z.string().optional(),
});
export type CredentialSummary = z.infer<typeof credentialSummarySchema>;

/** What the exchange records about the auth Lantern applied, for the timeline and diagnostics. */
export const appliedAuthSchema = z.object({
  type: z.enum(['none', ...credentialKinds]),
  credentialLabel: z.string().optional(),
  /** Which cached token was used (its id, never its value). */
  tokenId: z.string().optional(),
  /** What Lantern did, in order: "Got a new token from …", "Retried once with a fresh token after 401". */
  steps: z.array(z.string()),
  /** The token was fetched again: the cached one had expired, or the server refused it. */
  renewed: z
    .object({
      reason: z.enum(['expired', 'refused']),
      /** When the token it replaced expires or expired (epoch ms), as Lantern knew it. */
      previousExpiresAt: z.number().optional(),
      /** The status of the answer that refused the first token. */
      refusedStatus: z.number().int().optional(),
    })
    .optional(),
  /** When the token sent expires (epoch ms), when Lantern can tell: a pasted JWT's exp claim. */
  tokenExpiresAt: z.number().optional(),
});
export type AppliedAuth = z.infer<typeof appliedAuthSchema>;

/**
 * A secret field that holds only a `{{variable}}` reference (`{{client_secret}}`): it names where the
 * secret lives, it is not one. Returns the reference, tidied (`{{ token }}` → `{{token}}`).
 */
export function secretReference(value: string | undefined): string | undefined {
  const match = /^\s*\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}\s*$/.exec(value ?? '');
  return match ? `{{${match[1]}}}` : undefined;
}

/** Masks a secret for display: the last four characters only. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '••••';
  return `••••${secret.slice(-4)}`;
}
