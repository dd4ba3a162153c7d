/** Workspaces on disk (collections), import and export. */
import { z } from 'zod';
import { assertionSchema } from '../assertions/model';
import { requestAuthSchema } from '../model/auth';
import { collectionSchema, folderSchema, variableSchema } from '../model/collection';
import { headerRowSchema, requestDraftSchema } from '../model/request';
import { inheritanceViewSchema } from '../model/inheritance';
import { saveOutcomeSchema } from '../files/file-ref';

const id = z.string().min(1).max(200);
const filePath = z.string().trim().min(1, 'Type the path of a file or folder.').max(4_096);

export const knownWorkspaceSchema = z.object({ path: z.string(), name: z.string(), lastOpened: z.string() });

export const workspaceProblemSchema = z.object({
  path: z.string(),
  line: z.number().int().optional(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
});

/** The open workspace as the sidebar shows it: the whole tree, its environments and unreadable files. */
export const workspaceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  root: folderSchema,
  environments: z.array(z.object({ id: z.string(), name: z.string(), variables: z.array(variableSchema) })),
  /** The id under which each workspace environment is offered in the environment switcher. */
  environmentIds: z.record(z.string(), z.string()),
  problems: z.array(workspaceProblemSchema),
  /** Each request's file revision: a tab compares it to spot a change made on disk. */
  revisions: z.record(z.string(), z.string()),
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;

const itemKind = z.enum(['request', 'folder']);
const importSource = {
  /** Pasted text, or… */
  text: z
    .string()
    .max(64 * 1024 * 1024)
    .optional(),
  /** …a file the user chose (its reference from `pickFile` or `uploadFile`), read on the main side. */
  file: z.string().min(1).max(4_096).optional(),
  /** HAR: keep only XHR and fetch entries (default true). */
  onlyXhr: z.boolean().optional(),
};

export const snippetLanguageSchema = z.enum(['curl-bash', 'curl-cmd', 'fetch', 'python-requests', 'httpie']);

const withView = <T extends z.ZodRawShape>(shape: T) => z.object({ view: workspaceViewSchema, ...shape });

export const workspaceCalls = {
  /** The workspaces Lantern knows (most recent first) and the one open now. */
  listWorkspaces: {
    input: z.object({}).strict(),
    output: z.object({
      workspaces: z.array(knownWorkspaceSchema),
      open: workspaceViewSchema.optional(),
      problem: z.string().optional(),
    }),
  },
  /**
   * Opens a folder as the workspace (it must hold lantern.workspace.yaml): a recent one, one chosen
   * in the folder dialog, one under the data folder or given on the command line, or a typed one the
   * folder rules allow (never a system folder, a hidden folder of the home folder or Lantern's secrets).
   */
  openWorkspace: { input: z.object({ path: filePath }).strict(), output: workspaceViewSchema },
  /**
   * Makes a new workspace (in the data folder's workspaces/ unless a path is given, checked as for
   * `openWorkspace`; its parent folder must exist) and opens it.
   */
  createWorkspace: {
    input: z.object({ name: z.string().trim().min(1).max(200), path: filePath.optional() }).strict(),
    output: workspaceViewSchema,
  },
  /** The desktop app's folder dialog, for a workspace folder; `path` is absent when cancelled. */
  chooseWorkspaceFolder: {
    input: z.object({ title: z.string().max(200).default('Choose a workspace folder') }).strict(),
    output: z.object({ path: z.string().optional() }),
  },
  /** Forgets a workspace from the list; its folder is not touched. */
  forgetWorkspace: { input: z.object({ path: filePath }).strict(), output: z.object({}).strict() },
  createRequest: {
    input: z
      .object({
        folderId: id,
        name: z.string().trim().min(1).max(500),
        draft: requestDraftSchema.optional(),
        index: z.number().int().min(0).optional(),
      })
      .strict(),
    output: withView({ id: z.string() }),
  },
  /** Writes a tab's draft back to its file; a file changed on disk since `expectedRevision` is a conflict. */
  saveRequest: {
    input: z
      .object({
        id,
        draft: requestDraftSchema,
        expectedRevision: z.string().optional(),
        overwrite: z.boolean(),
      })
      .strict(),
    output: withView({ revision: z.string() }),
  },
  /** Name, description, inheritAuth and the CLI's status expectation. */
  updateRequest: {
    input: z
      .object({
        id,
        name: z.string().trim().min(1).max(500).optional(),
        description: z.string().max(100_000).optional(),
        inheritAuth: z.boolean().optional(),
        expectStatus: z.string().max(200).optional(),
      })
      .strict(),
    output: workspaceViewSchema,
  },
  duplicateRequest: { input: z.object({ id }).strict(), output: withView({ id: z.string() }) },
  createFolder: {
    input: z.object({ parentId: id, name: z.string().trim().min(1).max(500) }).strict(),
    output: withView({ id: z.string() }),
  },
  /** A folder's name and what its requests inherit: auth, headers, variables. */
  updateFolder: {
    input: z
      .object({
        id,
        name: z.string().trim().min(1).max(500).optional(),
        auth: requestAuthSchema.optional(),
        headers: z.array(headerRowSchema).max(500).optional(),
        variables: z.array(variableSchema).max(1_000).optional(),
        /** Tests every request under the folder inherits (its own run after them). */
        tests: z.array(assertionSchema).max(500).optional(),
      })
      .strict(),
    output: workspaceViewSchema,
  },
  /** Moves a request or a folder into a folder, at `index` among its kind (end when absent). */
  moveItem: {
    input: z
      .object({ kind: itemKind, id, toFolderId: id, index: z.number().int().min(0).optional() })
      .strict(),
    output: workspaceViewSchema,
  },
  /** Deletes a request or folder; `undoToken` puts it back (this session only). */
  deleteItem: {
    input: z.object({ kind: itemKind, id }).strict(),
    output: withView({ undoToken: z.string() }),
  },
  undoDelete: {
    input: z.object({ token: z.string().min(1).max(200) }).strict(),
    output: workspaceViewSchema,
  },
  /** Reads the open workspace from disk again. */
  reloadWorkspace: { input: z.object({}).strict(), output: workspaceViewSchema },
  /**
   * What a saved request (with the edits its tab holds) or a folder inherits from the folders above
   * it, computed as `send` computes it: for the Auth tab, the inherited list and the folder editor.
   */
  inheritance: {
    input: z.union([
      z.object({ savedRequestId: id, workspaceId: id.optional(), draft: requestDraftSchema }).strict(),
      z.object({ folderId: id }).strict(),
    ]),
    output: inheritanceViewSchema,
  },
  /** What an import would create, and what it cannot carry over; nothing is written. */
  previewImport: {
    input: z.object(importSource).strict(),
    output: z.object({
      format: z.enum(['postman', 'postman-environment', 'insomnia', 'har', 'openapi', 'curl', 'unknown']),
      collection: collectionSchema,
      skipped: z.array(z.string()),
      counts: z.object({ folders: z.number(), requests: z.number(), environments: z.number() }),
    }),
  },
  /** Imports into the open workspace as a new folder; secrets typed in the dialog become credentials. */
  importIntoWorkspace: {
    input: z
      .object({ ...importSource, secrets: z.record(z.string(), z.string().max(65_536)).default({}) })
      .strict(),
    output: withView({
      folderId: z.string(),
      counts: z.object({ folders: z.number(), requests: z.number(), environments: z.number() }),
      skipped: z.array(z.string()),
    }),
  },
  /** A pasted cURL command as a draft; a literal token or password in it is kept as a credential. */
  curlToDraft: {
    input: z.object({ text: z.string().min(1).max(1_048_576) }).strict(),
    output: z.object({ draft: requestDraftSchema, name: z.string(), notes: z.array(z.string()) }),
  },
  /** A request as code. Secrets are `{{placeholders}}` unless `includeSecrets` (an explicit user choice). */
  exportSnippet: {
    input: z
      .object({
        draft: requestDraftSchema,
        /** The saved request the draft is an edit of: the snippet includes what its folders give it. */
        savedRequestId: id.optional(),
        language: snippetLanguageSchema,
        includeSecrets: z.boolean(),
      })
      .strict(),
    output: z.object({ code: z.string(), placeholders: z.array(z.string()) }),
  },
  /**
   * The workspace (or one folder) as a Postman v2.1 collection file, and one file per environment.
   * Desktop app: written where the user chooses in the save dialog, the environment files beside
   * it; browser mode: handed back as `downloads`.
   */
  exportPostman: {
    input: z.object({ folderId: id.optional() }).strict(),
    output: saveOutcomeSchema.extend({
      environmentFiles: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  },
  /** Saves the built-in sample requests as a workspace in the data folder and opens it. */
  saveSampleWorkspace: { input: z.object({}).strict(), output: workspaceViewSchema },
} as const;
export type WorkspaceCalls = typeof workspaceCalls;

/** Main→renderer events of this domain. */
export const workspaceEvents = {
  /** Files of the open workspace changed outside Lantern (a git pull, an editor). */
  workspaceChanged: z.object({
    workspaceId: z.string(),
    paths: z.array(z.string()),
    requestIds: z.array(z.string()),
  }),
} as const;
