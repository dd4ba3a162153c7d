import { GraphQLWorker } from 'monaco-graphql/esm/GraphQLWorker.js';
import type { SchemaConfig } from 'monaco-graphql';
import { describe, expect, it } from 'vitest';
import { updateWorkerSchemas } from './worker-schema-update';

const URI = 'lantern://schema/current.graphql';
const OPERATION = 'file:///lantern-operation-tab1.graphql';
const sdl = (documentString: string): SchemaConfig => ({
  uri: URI,
  fileMatch: ['**/lantern-operation-*.graphql'],
  documentString,
});

/** monaco-graphql's real worker (its language service and schema cache), started with no schema. */
function realWorker() {
  const ctx = { getMirrorModels: () => [] };
  return new GraphQLWorker(
    ctx as never,
    {
      languageId: 'graphql',
      formattingOptions: undefined,
      languageConfig: { schemas: [], fillLeafsOnComplete: false },
    } as never,
  );
}
/**
 * The Query fields completion and hover would offer in the operation model: the schema the worker's
 * language service picks for that file. (Asked directly: under Vitest, graphql-language-service's
 * CommonJS graphql and monaco-graphql's ESM graphql are two copies, so `doComplete` cannot run here.)
 */
const labels = async (worker: GraphQLWorker) => {
  const service = (worker as unknown as { _languageService: { getSchemaForFile(uri: string): unknown } })
    ._languageService;
  const entry = service.getSchemaForFile(OPERATION) as
    { schema?: { getQueryType(): { getFields(): Record<string, unknown> } | null } } | undefined;
  return Object.keys(entry?.schema?.getQueryType()?.getFields() ?? {});
};

describe('updateWorkerSchemas', () => {
  it('hands a schema to the worker, which completes against it', async () => {
    const worker = realWorker();
    expect(await updateWorkerSchemas(worker, [sdl('type Query { oldField: String }')])).toBeUndefined();
    expect(await labels(worker)).toContain('oldField');
    expect(await updateWorkerSchemas(worker, [sdl('type Query { newField: Int }')])).toBeUndefined();
    expect(await labels(worker)).toContain('newField');
    expect(await labels(worker)).not.toContain('oldField');
  });

  it('clears the schema when the new one cannot be built: no stale fields, and says why', async () => {
    const worker = realWorker();
    await updateWorkerSchemas(worker, [sdl('type Query { oldField: String }')]);
    const problem = await updateWorkerSchemas(worker, [sdl('type Query { broken: ')]);
    expect(problem).toMatch(
      /^The editor could not read this schema, so completion and hover docs are off.*Syntax Error/,
    );
    expect(await labels(worker)).not.toContain('oldField');
    // A good schema afterwards works again.
    expect(await updateWorkerSchemas(worker, [sdl('type Query { nextField: ID }')])).toBeUndefined();
    expect(await labels(worker)).toContain('nextField');
  });

  it('reports a failure even when clearing fails too', async () => {
    const failing = {
      doUpdateSchemas: () => {
        throw new Error('worker gone');
      },
    };
    expect(await updateWorkerSchemas(failing, [sdl('type Query { a: Int }')])).toMatch(/\(worker gone\)/);
  });
});
