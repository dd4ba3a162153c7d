import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ProtectionKind } from './key-protector';

/** One encrypted value: AES-256-GCM, base64 fields. */
const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
export type SealedEntry = z.infer<typeof sealedSchema>;

/** `vault.json`: which protection holds the key, and every secret encrypted under it. */
export const vaultFileSchema = z.object({
  version: z.literal(1),
  protection: z.enum(['safeStorage', 'os-keyring', 'key-file']),
  /** A known text sealed with the key: tells "another key" apart from "a damaged entry". */
  check: sealedSchema,
  entries: z.record(z.string(), sealedSchema),
});
export type VaultFile = z.infer<typeof vaultFileSchema>;

const CHECK_ID = 'lantern-vault-key-check';
const CHECK_TEXT = 'lantern-vault-v1';

export const sealCheck = (key: Buffer) => seal(key, CHECK_ID, CHECK_TEXT);

// GCM's recommended 96-bit nonce; random per entry, so no (key, IV) pair is ever reused in practice.
const IV_BYTES = 12;

/** The secret's id is the additional data, so an entry moved under another id fails to open. */
export function seal(key: Buffer, id: string, value: string): SealedEntry {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(id, 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Throws when the key is wrong or any byte of the entry (or its id) was changed. */
export function unseal(key: Buffer, id: string, entry: SealedEntry): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
  decipher.setAAD(Buffer.from(id, 'utf8'));
  decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(entry.data, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}

export type VaultRead =
  { state: 'missing' } | { state: 'parsed'; file: VaultFile } | { state: 'damaged'; reason: string };

export async function readVaultFile(path: string): Promise<VaultRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'damaged', reason: `it cannot be read: ${(error as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: 'damaged', reason: 'it is not valid JSON' };
  }
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return {
      state: 'damaged',
      reason: `it does not have the expected layout (${issue?.message ?? 'unknown'}${where})`,
    };
  }
  return { state: 'parsed', file: parsed.data };
}

function opens(key: Buffer, id: string, entry: SealedEntry): string | undefined {
  try {
    return unseal(key, id, entry);
  } catch {
    return undefined;
  }
}

/** Decrypts every entry, or says in plain words why the file cannot be used. */
export function openEntries(
  key: Buffer,
  file: VaultFile,
  expected: ProtectionKind,
  names: Record<ProtectionKind, string>,
): { values: Map<string, string> } | { why: string } {
  if (opens(key, CHECK_ID, file.check) !== CHECK_TEXT) {
    if (file.protection !== expected) {
      return {
        why: `it was locked with a key kept by ${names[file.protection]}, but Lantern is now using ${names[expected]}, which holds a different key`,
      };
    }
    return {
      why: 'it was encrypted with a different key than the one Lantern has now (the vault was copied from another computer or user account, or its key was removed or replaced)',
    };
  }
  const values = new Map<string, string>();
  const failed: string[] = [];
  for (const [id, entry] of Object.entries(file.entries)) {
    const value = opens(key, id, entry);
    if (value === undefined) failed.push(id);
    else values.set(id, value);
  }
  if (failed.length === 0) return { values };
  return {
    why: `${failed.length} of its ${Object.keys(file.entries).length} entries (${failed.join(', ')}) fail their integrity check: the file was damaged or changed outside Lantern`,
  };
}
