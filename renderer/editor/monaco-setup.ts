import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker?worker';
import HtmlWorker from 'monaco-editor/esm/vs/language/html/html.worker?worker';
import CssWorker from 'monaco-editor/esm/vs/language/css/css.worker?worker';
import GraphqlWorker from 'monaco-graphql/esm/graphql.worker?worker';

// Monaco comes from our own bundle, never from a CDN; its workers too.
self.MonacoEnvironment = {
  // Each language service needs its own worker: handing HTML the generic one fails inside Monaco.
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphqlWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    return new EditorWorker();
  },
};
loader.config({ monaco });

export { monaco };

// Monaco 0.52 rejects a pending Delayer with `Canceled` when an editor is disposed (tab switch,
// unmount): microsoft/monaco-editor#4702 and #4859. It is not a failure; keep it out of the console.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason as { name?: unknown; message?: unknown } | undefined;
  if (reason?.name === 'Canceled' && reason.message === 'Canceled') event.preventDefault();
});
