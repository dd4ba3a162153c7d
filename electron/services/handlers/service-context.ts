import type { CallOutput, CallParsedInput, EmitEvent } from '../../../shared/contract';
import type { AuthContext } from '../auth/apply-auth';
import type { CookieJar } from '../engine/cookie-jar';
import type { EnvironmentStore } from '../environments';
import type { HistoryStore } from '../history/history-store';
import type { createHttpEngine } from '../http-engine';

/** The services every handler group may use; built once in electron/services.ts. */
export interface ServiceContext {
  mode: 'desktop' | 'browser';
  dataDir: string;
  emit: EmitEvent;
  engine: ReturnType<typeof createHttpEngine>;
  auth: AuthContext;
  environments: EnvironmentStore;
  history: HistoryStore;
  jar: CookieJar;
  /** The full send pipeline (variables, auth, engine, masking, history), as the renderer's `send`. */
  send: (input: CallParsedInput<'send'>) => Promise<CallOutput<'send'>>;
}
