import { createHash, randomBytes } from 'node:crypto';

/** A new id for a request, folder or workspace: short, random, safe in a file. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}

/** A short content hash: the same bytes always give the same revision. */
export function contentRevision(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}
