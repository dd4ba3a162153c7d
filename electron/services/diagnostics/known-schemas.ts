import { buildClientSchema, buildSchema } from 'graphql';
import type { GraphQLSchema, IntrospectionQuery } from 'graphql';

/** One schema per endpoint (its URL as typed, `{{base}}` unresolved) and environment, as cached. */
export interface SchemaKey {
  url: string;
  environmentId?: string;
}

/** What a schema snapshot holds: one of the two texts, and when it was fetched or loaded. */
export interface SchemaTexts {
  sdl?: string;
  introspection?: string;
  fetchedAt: string;
}

type Entry = { fetchedAt: string; texts?: SchemaTexts; schema?: GraphQLSchema };

const idOf = (key: SchemaKey) => `${key.environmentId ?? ''}\u0000${key.url.trim()}`;

/**
 * The schemas the GraphQL service handed out (fetched, loaded or read from its cache), for the
 * diagnosis: with one, it tells a list from an object and a nullable field from a non-null one.
 * A schema is built on its first use by a diagnosis and kept; its text is then let go.
 */
export class KnownSchemas {
  private readonly entries = new Map<string, Entry>();

  remember(key: SchemaKey, texts: SchemaTexts): void {
    if (this.entries.get(idOf(key))?.fetchedAt === texts.fetchedAt) return;
    this.entries.set(idOf(key), { fetchedAt: texts.fetchedAt, texts });
  }

  forget(key: SchemaKey): void {
    this.entries.delete(idOf(key));
  }

  /** Undefined when Lantern has no schema for the endpoint, or its text cannot be built. */
  schemaFor(key: SchemaKey): GraphQLSchema | undefined {
    const entry = this.entries.get(idOf(key));
    if (!entry) return undefined;
    if (entry.texts) {
      entry.schema = build(entry.texts);
      entry.texts = undefined;
    }
    return entry.schema;
  }
}

function build({ sdl, introspection }: SchemaTexts): GraphQLSchema | undefined {
  try {
    // The service checked this text before handing it out (an introspection result's references,
    // an SDL's validity): the build does not validate the schema again.
    if (introspection !== undefined)
      return buildClientSchema(JSON.parse(introspection) as IntrospectionQuery, { assumeValid: true });
    return sdl !== undefined ? buildSchema(sdl, { assumeValidSDL: true }) : undefined;
  } catch {
    return undefined;
  }
}
