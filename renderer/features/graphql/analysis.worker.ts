/**
 * The GraphQL workbench's analysis worker: builds schemas (from the introspection result, or SDL) and
 * runs validation, estimates, docs queries and result analysis off the UI thread (GitHub's schema takes
 * ~100 ms to build from its introspection result).
 */
import type { GraphQLSchema } from 'graphql';
import { analyzeResult } from '../../../shared/graphql/result';
import { analyze, buildEditorSchema, prettify } from './analysis-core';
import type { WorkerMessage, WorkerReply, WorkerRequest } from './analysis-protocol';
import { describeType, searchTypes, typeAt } from './schema-docs';

// A few endpoints' schemas at most; the oldest is dropped first.
const MAX_SCHEMAS = 3;
const schemas = new Map<string, GraphQLSchema>();

function schemaFor(schemaId: string | undefined): GraphQLSchema | undefined {
  return schemaId === undefined ? undefined : schemas.get(schemaId);
}

// Pretty-printing more than this for the panel helps no one; the Body tab has the whole answer.
const MAX_DATA_TEXT = 256 * 1024;

function dataText(text: string): { dataText?: string } {
  try {
    const body: unknown = JSON.parse(text);
    const data = Array.isArray(body)
      ? body.map((item: { data?: unknown }) => item?.data ?? null)
      : (body as { data?: unknown } | null)?.data;
    if (data === undefined) return {};
    const pretty = JSON.stringify(data, null, 2);
    return pretty.length <= MAX_DATA_TEXT ? { dataText: pretty } : {};
  } catch {
    return {};
  }
}

function handle(request: WorkerRequest): unknown {
  switch (request.type) {
    case 'setSchema': {
      const started = performance.now();
      if (!schemas.has(request.schemaId)) {
        schemas.set(request.schemaId, buildEditorSchema(request.text));
        while (schemas.size > MAX_SCHEMAS) schemas.delete(schemas.keys().next().value as string);
      }
      const schema = schemas.get(request.schemaId) as GraphQLSchema;
      const typeCount = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__')).length;
      return { typeCount, tookMs: performance.now() - started };
    }
    case 'analyze':
      return analyze(request.input, schemaFor(request.input.schemaId));
    case 'typeAt': {
      const schema = schemaFor(request.schemaId);
      return { typeName: schema ? typeAt(schema, request.query, request.offset) : undefined };
    }
    case 'searchTypes': {
      const schema = schemaFor(request.schemaId);
      return schema ? searchTypes(schema, request.search, request.limit) : { types: [], total: 0 };
    }
    case 'describeType': {
      const schema = schemaFor(request.schemaId);
      return { type: schema ? describeType(schema, request.name) : undefined };
    }
    case 'prettify':
      return prettify(request.query);
    case 'analyzeResult':
      return {
        ...analyzeResult(request.text, request.query, request.operationName),
        ...dataText(request.text),
      };
  }
}

self.onmessage = (event: MessageEvent<WorkerMessage>) => {
  const { id, request } = event.data;
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: handle(request) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
