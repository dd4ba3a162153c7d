import { deferred } from './components/Deferred';

/**
 * What first paint does not need, each in its own chunk: Monaco (with its language modes and
 * workers) and graphql are most of the renderer's JavaScript. `preloadDeferred` loads them once the
 * window is idle, so the first editor usually appears without a wait.
 */
const loaders = {
  codeEditor: () => import('./editor/CodeEditor').then((m) => m.CodeEditor),
  graphqlEditor: () => import('./features/graphql/GraphqlEditor').then((m) => m.GraphqlEditor),
  graphqlResultPanel: () => import('./features/graphql/GraphqlResultPanel').then((m) => m.GraphqlResultPanel),
};

export const CodeEditor = deferred(loaders.codeEditor, 'editor');
export const GraphqlEditor = deferred(loaders.graphqlEditor, 'GraphQL editor');
export const GraphqlResultPanel = deferred(loaders.graphqlResultPanel, 'GraphQL result panel');

/** Resolves when the window is next idle (or after `timeout` ms at the latest). */
const idle = (timeout: number) =>
  new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout }));

/**
 * Loads the deferred modules while nothing else is happening, one at a time with an idle wait
 * between them, so each module's evaluation is its own task and input is handled in between
 * (a failure shows where one is mounted).
 */
export function preloadDeferred(): void {
  void (async () => {
    for (const load of Object.values(loaders)) {
      await idle(3000);
      await load();
    }
  })().catch(() => {});
}
