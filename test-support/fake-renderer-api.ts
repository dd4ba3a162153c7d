/**
 * For renderer unit tests: a typed stand-in for renderer/api.ts. Each call is answered by a handler
 * registered under its name (typed by the contract), every call is recorded, events are emitted by
 * hand, and answers are `Result`s exactly as the real module returns them — never thrown.
 *
 * Use it in place of the real module, from any test file (the path is relative to the test):
 *
 *   vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));
 *   import { fakeApi } from '../../test-support/fake-renderer-api';
 */
import type * as RendererApi from '../renderer/api';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../shared/contract';
import type { Result } from '../shared/model/result';

export type FakeAnswer<K extends CallName> = Result<CallOutput<K>> | Promise<Result<CallOutput<K>>>;
export type FakeHandler<K extends CallName> = (input: CallInput<K>) => FakeAnswer<K>;
export type RecordedCall = { [K in CallName]: { name: K; input: CallInput<K> } }[CallName];

/** Calls held until the test answers them, in any order: how a stale answer is staged. */
export interface HeldCalls<K extends CallName> {
  /** The inputs of the calls waiting, oldest first (answered ones included). */
  readonly inputs: CallInput<K>[];
  /** Answers the `index`-th call made since `hold` (0 = the oldest). */
  answer: (index: number, result: Result<CallOutput<K>>) => Promise<void>;
}

type Handlers = { [K in CallName]?: FakeHandler<K> };

const unhandled = (name: CallName): Result<never> => ({
  ok: false,
  error: { code: 'test.unhandled', message: `This test gives no answer to "${name}".` },
});

/** Lets the promise chains that await an answer run before the test looks at the store. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FakeRendererApi {
  readonly calls: RecordedCall[] = [];
  private handlers: Handlers = {};
  private listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  /** What the store imports in place of renderer/api.ts. */
  readonly module: typeof RendererApi = {
    call: (name, input) => this.call(name, input),
    on: (name, listener) => this.on(name, listener),
    mode: 'browser',
    hasLaunchToken: () => true,
  };

  /** Answers every later call of `name` with the handler's result. */
  handle<K extends CallName>(name: K, handler: FakeHandler<K>): this {
    this.handlers[name] = handler as Handlers[K];
    return this;
  }

  /** Answers every later call of `name` with this value. */
  answer<K extends CallName>(name: K, value: CallOutput<K>): this {
    return this.handle(name, () => ({ ok: true, value }));
  }

  /** Answers every later call of `name` with this error. */
  fail<K extends CallName>(name: K, code: string, message: string): this {
    return this.handle(name, () => ({ ok: false, error: { code, message } }));
  }

  hold<K extends CallName>(name: K): HeldCalls<K> {
    const inputs: CallInput<K>[] = [];
    const waiting: ((result: Result<CallOutput<K>>) => void)[] = [];
    this.handle(name, (input) => {
      inputs.push(input);
      return new Promise((resolve) => waiting.push(resolve));
    });
    return {
      inputs,
      answer: async (index, result) => {
        const resolve = waiting[index];
        if (!resolve) throw new Error(`Only ${waiting.length} "${name}" call(s) were made.`);
        resolve(result);
        await settle();
      },
    };
  }

  /** The inputs of the calls made under `name`, oldest first. */
  callsOf<K extends CallName>(name: K): CallInput<K>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as CallInput<K>);
  }

  /** Delivers a main→renderer event to the listeners the store registered. */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    this.listeners.get(name)?.forEach((listener) => listener(payload));
  }

  /** Forgets handlers and recorded calls; event listeners stay (the store registers them once). */
  reset(): this {
    this.handlers = {};
    this.calls.length = 0;
    return this;
  }

  /** Waits until the answers already given have reached the store. */
  settle(): Promise<void> {
    return settle();
  }

  private async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
    this.calls.push({ name, input } as RecordedCall);
    const handler = this.handlers[name] as FakeHandler<K> | undefined;
    return handler ? handler(input) : unhandled(name);
  }

  private on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    const untyped = listener as (payload: unknown) => void;
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)?.add(untyped);
    return () => this.listeners.get(name)?.delete(untyped);
  }
}

/** One fake per test file (vitest isolates files), shared by the mocked module and the test. */
export const fakeApi = new FakeRendererApi();
