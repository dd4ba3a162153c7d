import { initializeMode } from 'monaco-graphql/initializeMode';
import type { MonacoGraphQLAPI } from 'monaco-graphql';

let api: MonacoGraphQLAPI | undefined;
let applied: string | undefined;

/** Editor models for GraphQL operations use this path pattern, so the schema applies to them. */
export const OPERATION_FILE_MATCH = '**/lantern-operation-*.graphql';
export const operationModelPath = (tabId: string) => `lantern-operation-${tabId}.graphql`;
export const variablesModelPath = (tabId: string) => `lantern-variables-${tabId}.json`;

/**
 * Starts monaco-graphql once: its worker does completion and hover docs off the UI thread.
 * Its own validation markers are off: Lantern's analysis worker validates (validateDocument), so
 * the editor does not show every unknown field twice.
 */
export function graphqlMode(): MonacoGraphQLAPI {
  api ??= initializeMode({
    modeConfiguration: { diagnostics: false },
    diagnosticSettings: {
      validateVariablesJSON: {},
      jsonDiagnosticSettings: { validate: true, allowComments: true },
    },
  });
  return api;
}

/** One version of one schema, as the introspection result (JSON text) or SDL. */
export interface EditorSchema {
  id: string;
  text: { introspection: string } | { sdl: string };
}

/**
 * Gives the operation editors the schema to complete against; undefined clears it. Applying the
 * same id again does nothing: monaco-graphql restarts its worker, and rebuilds the schema, on every
 * change. Its worker gets the introspection result when there is one: `buildClientSchema` on GitHub's
 * takes ~130 ms in a fresh worker, parsing and building its 1.1 MB of SDL ~3-5 times that.
 */
export function applySchema(schema: EditorSchema | undefined): void {
  const mode = graphqlMode();
  if (schema?.id === applied) return;
  applied = schema?.id;
  if (!schema) {
    mode.setSchemaConfig([]);
    return;
  }
  const base = {
    uri: `lantern://schema/${encodeURIComponent(schema.id)}.graphql`,
    fileMatch: [OPERATION_FILE_MATCH],
  };
  mode.setSchemaConfig([
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
