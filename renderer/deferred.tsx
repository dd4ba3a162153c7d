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

/** Loads the deferred modules while nothing else is happening (a failure shows where one is mounted). */
export function preloadDeferred(): void {
  requestIdleCallback(() => void Promise.all(Object.values(loaders).map((load) => load())).catch(() => {}), {
    timeout: 3000,
  });
}
