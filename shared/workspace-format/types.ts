import { z } from 'zod';
import { secretReference } from '../model/auth';
import type { Folder, SavedRequest } from '../model/collection';

/** A variable of an environment or a folder; a secret one's value lives in the vault, never on disk. */
export interface WorkspaceVariable {
  name: string;
  value: string;
  secret: boolean;
}

/** An environment file in `environments/`; its id is the file name without `.env.yaml`. */
export interface WorkspaceEnvironment {
  id: string;
  name: string;
  variables: WorkspaceVariable[];
}

/**
 * A credential a workspace carries (an imported auth whose secret was a `{{variable}}` in the
 * source): the variable is filled in at send time, so a clone of the workspace sends with
 * `lantern run --env-var NAME=…` on a machine that has no vault.
 */
export const workspaceCredentialSchema = z
  .object({
    id: z.string().min(1).max(128),
    kind: z.enum(['bearer', 'basic', 'apiKey', 'oauth2']),
    label: z.string().max(200),
    fields: z.record(z.string().max(64), z.string().max(4_096)).default({}),
    secret: z
      .string()
      .max(200)
      .refine(
        (value) => secretReference(value) !== undefined,
        'must be a {{variable}} reference: a workspace file never holds a secret',
      ),
  })
  .strict();
export type WorkspaceCredential = z.infer<typeof workspaceCredentialSchema>;

export interface Workspace {
  id: string;
  name: string;
  /** The workspace folder itself; its id is the workspace id. */
  root: Folder;
  environments: WorkspaceEnvironment[];
  /** Credentials kept in `lantern.workspace.yaml`: their secret is a `{{variable}}`, never a value. */
  credentials?: WorkspaceCredential[];
}

/** A file Lantern could not use. It is left exactly as it is, and never rewritten. */
export interface WorkspaceProblem {
  /** Relative to the workspace folder, with `/` separators. */
  path: string;
  /** 1-based, when the problem sits on a known line. */
  line?: number;
  /** Plain words: what is wrong and what to do. */
  reason: string;
  /** `warning`: the file loaded, but something in it is not understood (e.g. an unknown key). */
  severity: 'error' | 'warning';
}

export interface OpenedWorkspace {
  workspace: Workspace;
  problems: WorkspaceProblem[];
}

export type { Folder, SavedRequest };

/** What the watcher reports after files changed outside Lantern (e.g. a `git pull`). */
export interface WorkspaceChangeEvent {
  type: 'changed';
  /** Files added, changed or removed, relative to the workspace folder. */
  paths: string[];
  /** Requests whose revision changed, including added and removed ones. */
  requestIds: string[];
}

export const WORKSPACE_FILE = 'lantern.workspace.yaml';
export const FOLDER_FILE = '_folder.yaml';
export const REQUEST_SUFFIX = '.request.yaml';
export const ENVIRONMENT_SUFFIX = '.env.yaml';
export const ENVIRONMENTS_DIR = 'environments';
