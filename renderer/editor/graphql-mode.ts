import { initializeMode } from 'monaco-graphql/initializeMode';
import type { MonacoGraphQLAPI } from 'monaco-graphql';

let api: MonacoGraphQLAPI | undefined;

/** Editor models for GraphQL operations use this path pattern, so the schema applies to them. */
export const OPERATION_FILE_MATCH = 'lantern-operation-*.graphql';
export const operationModelPath = (tabId: string) => `lantern-operation-${tabId}.graphql`;

/** Starts monaco-graphql once (its worker does completion and validation off the UI thread). */
export function graphqlMode(): MonacoGraphQLAPI {
  api ??= initializeMode({
    diagnosticSettings: {
      validateVariablesJSON: {},
      jsonDiagnosticSettings: { validate: true, allowComments: true },
    },
  });
  return api;
}

/** Gives the editors of one tab the schema (SDL) to complete and validate against; undefined clears it. */
export function applySchema(sdl: string | undefined, key: string): void {
  const mode = graphqlMode();
  if (sdl === undefined) {
    mode.setSchemaConfig([]);
    return;
  }
  mode.setSchemaConfig([
    {
      uri: `lantern://schema/${encodeURIComponent(key)}.graphql`,
      documentString: sdl,
      fileMatch: [OPERATION_FILE_MATCH],
    },
  ]);
}
