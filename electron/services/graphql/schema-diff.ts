import { createRequire } from 'node:module';
import { diffSchemas } from '../../../shared/graphql/diff';
import type { SchemaDiff } from '../../../shared/graphql/diff';

/**
 * graphql-js refuses schemas built by another copy of itself. @graphql-inspector/core loads `graphql`
 * through Node's resolution (the CommonJS build), while bundlers and vitest may hand our code the ESM
 * build; building both schemas with Node's copy keeps the diff working everywhere.
 */
const nodeGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** Breaking, dangerous and safe changes from one SDL to another. */
export function diffSdl(oldSdl: string, newSdl: string): Promise<SchemaDiff> {
  const build = (sdl: string) => nodeGraphql.buildSchema(sdl, { assumeValidSDL: true });
  return diffSchemas(build(oldSdl), build(newSdl));
}
