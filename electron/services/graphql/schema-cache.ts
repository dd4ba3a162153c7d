import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-file';

/** One schema is kept per GraphQL endpoint (its URL template, `{{base}}` unresolved) and environment. */
export interface SchemaKey {
  url: string;
  environmentId?: string;
}

export interface CachedSchema {
  key: SchemaKey;
  /** One of the two: the introspection result (JSON text) it was built from, or SDL. */
  sdl?: string;
  introspection?: string;
  typeCount: number;
  fetchedAt: string;
  notes: string[];
  source: 'introspection' | 'file';
}

const FORMAT_VERSION = 1;

export function cacheFileName(key: SchemaKey): string {
  const hash = createHash('sha256')
    .update(`${key.environmentId ?? ''}\u0000${key.url}`)
    .digest('hex');
  return `schema-${hash.slice(0, 32)}.json`;
}

/** Schemas on disk, written atomically (temporary file, then rename) so a crash never leaves half a file. */
export class SchemaCache {
  constructor(private readonly dir: string) {}

  async get(key: SchemaKey): Promise<CachedSchema | undefined> {
    let text: string;
    try {
      text = await readFile(path.join(this.dir, cacheFileName(key)), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const stored = JSON.parse(text) as CachedSchema & { version?: number };
      // A cache from another format, or for another key with the same hash prefix, is no cache.
      if (stored.version !== FORMAT_VERSION || stored.key.url !== key.url) return undefined;
      if ((stored.key.environmentId ?? undefined) !== (key.environmentId ?? undefined)) return undefined;
      const { version: _version, ...schema } = stored;
      return schema;
    } catch {
      return undefined;
    }
  }

  async put(schema: CachedSchema): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, cacheFileName(schema.key));
    await writeFileAtomic(target, JSON.stringify({ version: FORMAT_VERSION, ...schema }));
  }

  async delete(key: SchemaKey): Promise<boolean> {
    const target = path.join(this.dir, cacheFileName(key));
    try {
      await rm(target);
      return true;
    } catch {
      return false;
    }
  }
}
