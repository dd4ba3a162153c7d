import type { EmitEvent, Handlers } from '../shared/contract';
import { createHttpEngine } from './services/http-engine';

export interface ServiceOptions {
  mode: 'desktop' | 'browser';
  version: string;
  emit: EmitEvent;
}

/** Builds every main-side service and the handler table the contract asks for. */
export function createServices({ mode, version, emit }: ServiceOptions) {
  const engine = createHttpEngine({ emit });
  const handlers: Handlers = {
    appInfo: async () => ({ version, mode, platform: process.platform }),
    send: (input) => engine.send(input),
    cancel: (input) => engine.cancel(input),
  };
  return { handlers, close: () => engine.close() };
}
