import { initializeMode } from 'monaco-graphql/initializeMode';
import type { MonacoGraphQLAPI } from 'monaco-graphql';
import { CompletionAdapter, HoverAdapter } from 'monaco-graphql/esm/languageFeatures.js';
import { monaco } from './monaco-setup';
import { graphqlWorker, setWorkerSchemas, warmGraphqlWorker } from './graphql-worker';

let api: MonacoGraphQLAPI | undefined;
let applied: string | undefined;

/** Editor models for GraphQL operations use this path pattern, so the schema applies to them. */
export const OPERATION_FILE_MATCH = '**/lantern-operation-*.graphql';
export const operationModelPath = (tabId: string) => `lantern-operation-${tabId}.graphql`;
export const variablesModelPath = (tabId: string) => `lantern-variables-${tabId}.json`;
/**
 * One name for whichever schema is current: the worker's schema cache is keyed by it and lives as
 * long as the worker, so a name per version would keep every schema ever loaded.
 */
const SCHEMA_URI = 'lantern://schema/current.graphql';

/**
 * Starts monaco-graphql once: the GraphQL language, and its worker for completion and hover docs
 * off the UI thread. Completion and hover use monaco-graphql's own adapters on a worker Lantern keeps
 * (graphql-worker.ts), started here so it is ready before the schema arrives. Its validation markers
 * are off: Lantern's analysis worker validates (validateDocument), so the editor does not show every
 * unknown field twice.
 */
export function graphqlMode(): MonacoGraphQLAPI {
  if (api) return api;
  api = initializeMode({
    modeConfiguration: { diagnostics: false, completionItems: false, hovers: false },
    diagnosticSettings: {
      validateVariablesJSON: {},
      jsonDiagnosticSettings: { validate: true, allowComments: true },
    },
  });
  monaco.languages.registerCompletionItemProvider(api.languageId, new CompletionAdapter(graphqlWorker));
  monaco.languages.registerHoverProvider(api.languageId, new HoverAdapter(graphqlWorker));
  warmGraphqlWorker();
  return api;
}

/** One version of one schema, as the introspection result (JSON text) or SDL. */
export interface EditorSchema {
  id: string;
  text: { introspection: string } | { sdl: string };
}

/**
 * Gives the operation editors the schema to complete against; undefined clears it. Applying the
 * same id again does nothing. The worker gets the introspection result when there is one:
 * `buildClientSchema` on GitHub's takes ~130 ms in a fresh worker, parsing and building its 1.1 MB of
 * SDL ~3-5 times that.
 */
export function applySchema(schema: EditorSchema | undefined): void {
  graphqlMode();
  if (schema?.id === applied) return;
  applied = schema?.id;
  if (!schema) {
    setWorkerSchemas([]);
    return;
  }
  const base = { uri: SCHEMA_URI, fileMatch: [OPERATION_FILE_MATCH] };
  setWorkerSchemas([
    'introspection' in schema.text
      ? { ...base, introspectionJSONString: schema.text.introspection }
      : {
          ...base,
          documentString: schema.text.sdl,
          // The SDL was printed by graphql-js from a schema it had checked: validating it again costs
          // a noticeable part of the build for a schema the size of GitHub's.
          buildSchemaOptions: { assumeValidSDL: true },
        },
  ]);
}
