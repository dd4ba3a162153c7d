import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxState } from './state';

/** What every route handler receives: the raw exchange, the already-read body and the sandbox state. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  body: Buffer;
  state: SandboxState;
}

export type RouteHandler = (ctx: RequestContext) => void | Promise<void>;
