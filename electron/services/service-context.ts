import type { CallOutput, CallParsedInput, EmitEvent } from '../../shared/contract';
import type { AuthContext } from './auth/apply-auth';
import type { WorkspaceJars } from './engine/workspace-jars';
import type { EnvironmentStore } from './environments/environment-store';
import type { Workspace } from '../../shared/workspace-format/types';
import type { SampleService } from './sample/sample-service';
import type { RunSendOptions, RunSendResult } from './send/send-pipeline';
import type { HistoryStore } from './history/history-store';
import type { createHttpEngine } from './engine/http-engine';
import type { FileAccess } from './files/file-access';

/** The services every handler group may use; built once in create-services.ts. */
export interface ServiceContext {
  mode: 'desktop' | 'browser';
  dataDir: string;
  emit: EmitEvent;
  engine: ReturnType<typeof createHttpEngine>;
  auth: AuthContext;
  environments: EnvironmentStore;
  history: HistoryStore;
  /** A cookie jar per workspace, and one for requests outside any. */
  jars: WorkspaceJars;
  /** The workspace open in this process, if any: where saved requests and their folders are found. */
  workspace: () => Workspace | undefined;
  /** The sample API: the sandbox and the sample workspace saved from it. */
  sample: SampleService;
  /** The one gate to files the renderer names: grants, dialogs, uploads, workspace folders. */
  files: FileAccess;
  /** Folders that may open as a workspace as they are (the command line, the config file). */
  allowedWorkspaces: string[];
  /** The full send pipeline (variables, auth, engine, masking, history), as the renderer's `send`. */
  send: (input: CallParsedInput<'send'>) => Promise<CallOutput<'send'>>;
  /** The same pipeline for the collection runner: its variables, History on or off, the History id. */
  sendInRun: (input: CallParsedInput<'send'>, run: RunSendOptions) => Promise<RunSendResult>;
}
