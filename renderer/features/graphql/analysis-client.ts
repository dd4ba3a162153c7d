/** Talks to the analysis worker: one request, one promise. */
import AnalysisWorker from './analysis.worker?worker';
import type {
  SchemaText,
  WorkerAnswers,
  WorkerMessage,
  WorkerReply,
  WorkerRequest,
} from './analysis-protocol';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function start(): Worker {
  if (worker) return worker;
  worker = new AnalysisWorker();
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(new Error(reply.error));
  };
  worker.onerror = (event) => {
    // A crashed worker fails everything in flight; the next request starts a fresh one.
    const error = new Error(`The GraphQL analysis stopped unexpectedly: ${event.message}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };
  return worker;
}

/** Sends one request to the worker; rejects with a plain message when it fails. */
export function ask<T extends WorkerRequest['type']>(
  request: Extract<WorkerRequest, { type: T }>,
): Promise<WorkerAnswers[T]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    const message: WorkerMessage = { id, request };
    start().postMessage(message);
  });
}

const schemasSent = new Map<string, Promise<WorkerAnswers['setSchema']>>();

/** Builds a schema in the worker once per id; later calls wait for the same build. */
export function ensureSchema({
  id: schemaId,
  text,
}: {
  id: string;
  text: SchemaText;
}): Promise<WorkerAnswers['setSchema']> {
  let sent = schemasSent.get(schemaId);
  if (!sent) {
    sent = ask({ type: 'setSchema', schemaId, text });
    sent.catch(() => schemasSent.delete(schemaId));
    schemasSent.set(schemaId, sent);
    // The worker keeps the same number, dropping the oldest first: both forget the same one.
    while (schemasSent.size > 3) schemasSent.delete(schemasSent.keys().next().value as string);
  }
  return sent;
}
