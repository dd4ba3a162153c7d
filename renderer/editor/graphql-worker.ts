/**
 * monaco-graphql's worker (its GraphQLWorker: graphql-language-service's completion and hover), kept
 * by Lantern instead of monaco-graphql's own WorkerManager. That manager stops the worker on every
 * schema change and after two idle minutes, so the next completion paid for a fresh worker (loading its
 * ~480 KB script) and a schema build before it could answer. Here the worker starts with the GraphQL
 * editor, lives as long as the page, and a new schema is handed to the running worker
 * (`doUpdateSchemas`), which builds it before it answers the next request.
 */
import type { editor, Uri } from 'monaco-editor';
import type { GraphQLWorker } from 'monaco-graphql/esm/GraphQLWorker.js';
import type { SchemaConfig } from 'monaco-graphql';
import { monaco } from './monaco-setup';
import { updateWorkerSchemas } from './worker-schema-update';

/** The language id monaco-graphql registers; Monaco's getWorker (monaco-setup.ts) gives this label its worker. */
const LANGUAGE_ID = 'graphql';

let worker: editor.MonacoWebWorker<GraphQLWorker> | undefined;
let schemas: SchemaConfig[] = [];
/** The last schema update sent: requests go after it, so they never see a half-built schema. */
let updated: Promise<unknown> = Promise.resolve();
let sent = 0;
/** Why the worker could not build the current schema (it then has none), in plain words. */
let problem: string | undefined;
const listeners = new Set<() => void>();

function report(update: number, next: string | undefined): void {
  // Only the latest update speaks: an older one's answer may arrive after a newer one was sent.
  if (update !== sent || next === problem) return;
  problem = next;
  for (const listener of listeners) listener();
}

/** Why the editor has no schema for completion and hover although one was given; undefined when fine. */
export const workerSchemaProblem = (): string | undefined => problem;

/** Calls `listener` when `workerSchemaProblem()` changes; returns the unsubscribe (useSyncExternalStore). */
export function onWorkerSchemaProblem(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function send(running: editor.MonacoWebWorker<GraphQLWorker>, next: SchemaConfig[]): void {
  const update = ++sent;
  updated = running
    .getProxy()
    // A schema the worker cannot build is cleared there (no stale completions) and reported here.
    .then((proxy) => updateWorkerSchemas(proxy, next))
    .then((failure) => report(update, failure))
    // The worker itself did not start: completion is off anyway, and Monaco logs why.
    .catch(() => undefined);
}

function start(): editor.MonacoWebWorker<GraphQLWorker> {
  if (worker) return worker;
  worker = monaco.editor.createWebWorker<GraphQLWorker>({
    moduleId: 'monaco-graphql/esm/GraphQLWorker.js',
    label: LANGUAGE_ID,
    // Operation models stay in the worker while idle: no re-sync of a large query on the next request.
    keepIdleModels: true,
    createData: {
      languageId: LANGUAGE_ID,
      formattingOptions: undefined,
      // Schemas follow as an update, whose failure is caught: one that throws while the worker is
      // being created would stop the worker itself.
      languageConfig: { schemas: [], fillLeafsOnComplete: false },
    },
  });
  if (schemas.length > 0) send(worker, schemas);
  return worker;
}

/** Starts the worker (its script loads in the background) before anything needs it. */
export function warmGraphqlWorker(): void {
  void start().getProxy();
}

/**
 * Models already in the worker. Monaco sends every later edit of a synced model to the worker as it
 * happens, and keeps it there while idle (`keepIdleModels`), so asking again only costs the round trip
 * Monaco adds to each sync (a `$ping` that waits for the UI thread's next free moment). A disposed
 * model leaves the worker; a new model, even under the same path, is synced again.
 */
const synced = new WeakSet<editor.ITextModel>();

/** The worker, with these models synced to it: what monaco-graphql's completion and hover adapters ask for. */
export async function graphqlWorker(...resources: Uri[]): Promise<GraphQLWorker> {
  const running = start();
  await updated;
  const models = resources.map((resource) => monaco.editor.getModel(resource));
  if (models.every((model) => model !== null && synced.has(model))) return running.getProxy();
  const proxy = await running.withSyncedResources(resources);
  for (const model of models) if (model) synced.add(model);
  return proxy;
}

/** Hands the running worker a new schema (or none); it builds it before the next request. */
export function setWorkerSchemas(next: SchemaConfig[]): void {
  schemas = next;
  if (worker) send(worker, next);
}
