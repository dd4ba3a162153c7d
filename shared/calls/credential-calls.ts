/** Credentials, the vault and OAuth tokens: secrets leave the main side only through the reveal calls. */
import { z } from 'zod';

import { credentialKindSchema, credentialSummarySchema } from '../model/auth';

import { tokenSummarySchema } from '../model/token';
import { vaultStatusSchema } from '../model/vault';

const empty = z.object({}).strict();

export const credentialCalls = {
  /** Creates (no id) or updates a credential; the secret goes to the vault, undefined keeps the stored one. */
  saveCredential: {
    input: z
      .object({
        id: z.string().min(1).max(128).optional(),
        kind: credentialKindSchema,
        label: z.string().max(200),
        fields: z.record(z.string().max(64), z.string().max(4_096)),
        secret: z.string().max(65_536).optional(),
      })
      .strict(),
    output: credentialSummarySchema,
  },
  /**
   * Creates (no id) or updates a browser-session credential from a pasted "Copy as cURL": the main
   * side reads the cookie and the CSRF header from it. Only the masked summary comes back.
   */
  credentialFromCurl: {
    input: z
      .object({
        id: z.string().min(1).max(128).optional(),
        label: z.string().max(200),
        text: z.string().max(200_000),
        /** The CSRF header to look for; default X-Totara-Sesskey. */
        csrfHeader: z.string().max(256).optional(),
      })
      .strict(),
    output: z.object({
      credential: credentialSummarySchema,
      /** Plain words on what was taken, e.g. that no sesskey header was found. */
      notes: z.array(z.string()),
    }),
  },
  deleteCredential: {
    input: z.object({ id: z.string().min(1).max(128) }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** The secret itself: only ever called by an explicit user action (Reveal or Copy). */
  revealSecret: {
    input: z.object({ credentialId: z.string().min(1).max(128) }).strict(),
    output: z.object({ value: z.string() }),
  },
  /** How the vault is protected and whether it can be read. */
  vaultStatus: {
    input: empty,
    output: vaultStatusSchema,
  },
  /** Reads the vault again (after the keyring came back, say). */
  retryVault: {
    input: empty,
    output: vaultStatusSchema,
  },
  /** Moves an unreadable vault aside and starts an empty one: an explicit user decision. */
  resetVault: {
    input: empty,
    output: vaultStatusSchema,
  },
  /** Every OAuth token held, values masked. */
  listTokens: {
    input: empty,
    output: z.array(tokenSummarySchema),
  },
  /** Grants a new token for a client now. */
  newToken: {
    input: z.object({ credentialId: z.string().min(1).max(128) }).strict(),
    output: tokenSummarySchema,
  },
  forgetToken: {
    input: z.object({ tokenId: z.string().min(1).max(128) }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },
  /** A token's value: only ever called by an explicit user action (Reveal or Copy). */
  revealToken: {
    input: z.object({ tokenId: z.string().min(1).max(128) }).strict(),
    output: z.object({ value: z.string() }),
  },
  /** Credentials the main side holds, as summaries: never a secret value. */
  listCredentials: {
    input: empty,
    output: z.array(credentialSummarySchema),
  },
} as const;
export type CredentialCalls = typeof credentialCalls;
