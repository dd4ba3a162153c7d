import { z } from 'zod';

/** Which protection guards the vault key, and whether the vault can be read. */
export const vaultStatusSchema = z.object({
  ok: z.boolean(),
  protection: z.enum(['safeStorage', 'os-keyring', 'key-file']),
  /** Plain words for the settings screen, e.g. "The vault key is in a file readable only by you". */
  description: z.string(),
  file: z.string(),
  /** What is wrong, why, and what to do, when the vault cannot be read. */
  problem: z.string().optional(),
  /** Why a stronger protection was not used, or other remarks. */
  notes: z.array(z.string()),
  /** Files that could not be read (credentials list…), kept untouched. */
  problems: z.array(z.string()),
});
export type VaultStatusView = z.infer<typeof vaultStatusSchema>;
