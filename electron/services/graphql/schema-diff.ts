import { createRequire } from 'node:module';
import type { IntrospectionQuery } from 'graphql';
import { diffSchemas } from '../../../shared/graphql/diff';
import type { SchemaDiff } from '../../../shared/graphql/diff';
import type { SchemaTexts } from '../../../shared/graphql/introspection';

/**
 * graphql-js refuses schemas built by another copy of itself. @graphql-inspector/core loads `graphql`
 * through Node's resolution (the CommonJS build), while bundlers and vitest may hand our code the ESM
 * build; building both schemas with Node's copy keeps the diff working everywhere.
 */
const nodeGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const buildSdl = (sdl: string) => nodeGraphql.buildSchema(sdl, { assumeValidSDL: true });

/** Breaking, dangerous and safe changes from one SDL to another. */
export function diffSdl(oldSdl: string, newSdl: string): Promise<SchemaDiff> {
  return diffSchemas(buildSdl(oldSdl), buildSdl(newSdl));
}

/**
 * The same, between schemas kept as introspection results or SDL (either, each). A schema built from
 * SDL keeps its AST (`@deprecated` written as a directive), one from introspection does not, and
 * graphql-inspector would report that as changes: when the two differ, the SDL one goes through
 * introspection too.
 */
export function diffSchemaTexts(before: SchemaTexts, after: SchemaTexts): Promise<SchemaDiff> {
  const fromIntrospection = (text: string) =>
    nodeGraphql.buildClientSchema(JSON.parse(text) as IntrospectionQuery);
  const mixed = (before.introspection === undefined) !== (after.introspection === undefined);
  const build = (texts: SchemaTexts) => {
    if (texts.introspection !== undefined) return fromIntrospection(texts.introspection);
    const schema = buildSdl(texts.sdl ?? '');
    return mixed ? nodeGraphql.buildClientSchema(nodeGraphql.introspectionFromSchema(schema)) : schema;
  };
  return diffSchemas(build(before), build(after));
}
