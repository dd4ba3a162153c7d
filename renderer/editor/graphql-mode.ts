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

/**
 * Gives the operation editors the schema (SDL) to complete against; undefined clears it. `id`
 * names one version of one schema: applying the same id again does nothing (monaco-graphql
 * restarts its worker, and rebuilds the schema, on every change).
 */
export function applySchema(sdl: string | undefined, id: string | undefined): void {
  const mode = graphqlMode();
  const next = sdl === undefined ? undefined : id;
  if (next === applied) return;
  applied = next;
  if (sdl === undefined || id === undefined) {
    mode.setSchemaConfig([]);
    return;
  }
  mode.setSchemaConfig([
    {
      uri: `lantern://schema/${encodeURIComponent(id)}.graphql`,
      documentString: sdl,
      // The SDL was printed by graphql-js from a schema it had checked: validating it again costs
      // a noticeable part of the build for a schema the size of GitHub's.
      buildSchemaOptions: { assumeValidSDL: true },
      fileMatch: [OPERATION_FILE_MATCH],
    },
  ]);
}
