import type { SchemaConfig } from 'monaco-graphql';

/** The part of monaco-graphql's GraphQLWorker (or its proxy) a schema update uses. */
export interface SchemaWorker {
  doUpdateSchemas(schemas: SchemaConfig[]): unknown;
}

/**
 * Hands `next` to the worker. Every schema shares one URI, and when building it throws, the worker
 * keeps the previous schema under that URI, so completion and hover would go on offering the old
 * schema's fields: on a failure the worker's schemas are cleared instead. Resolves to why it failed,
 * in plain words, or undefined.
 */
export async function updateWorkerSchemas(
  worker: SchemaWorker,
  next: SchemaConfig[],
): Promise<string | undefined> {
  try {
    await worker.doUpdateSchemas(next);
    return undefined;
  } catch (error) {
    // An empty list cannot fail to build: with no schema, completion offers no fields at all.
    await Promise.resolve()
      .then(() => worker.doUpdateSchemas([]))
      .catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    return `The editor could not read this schema, so completion and hover docs are off until another schema is loaded (${reason}). Fetch the schema again, or load it from a file.`;
  }
}
