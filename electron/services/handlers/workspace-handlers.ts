import type { Handlers } from '../../../shared/contract';
import type { WorkspaceCalls } from '../../../shared/calls/workspace-calls';
import type { ServiceContext } from '../service-context';
import { draftFromCurl } from '../import-export/pasted-curl';
import { exportPostman } from '../import-export/postman-export';
import { exportSnippet } from '../import-export/snippet-export';
import { importText, readImport, writeImport } from '../import-export/import-into-workspace';
import { WorkspaceSession } from '../workspace/workspace-session';
import { newId } from '../workspace/ids';
import { inheritanceFor } from '../workspace/inheritance';
import { effectiveDraft } from '../send/effective-draft';
import { carryWorkspaceCredentials } from '../auth/workspace-credentials';

const blankDraft = () => ({
  method: 'GET',
  url: '',
  headers: [],
  body: { mode: 'none' as const },
  auth: { type: 'none' as const },
});

/** The handlers of shared/calls/workspace-calls.ts: one open workspace per process. */
export function workspaceHandlers(
  context: ServiceContext,
  session = new WorkspaceSession({
    dataDir: context.dataDir,
    environments: context.environments,
    emit: context.emit,
  }),
): Pick<Handlers, keyof WorkspaceCalls> {
  /**
   * The open workspace as the renderer sees it. The credentials its lantern.workspace.yaml carries
   * are made usable first (after an open, a reload, an import); one that cannot be is a problem.
   */
  const view = () => {
    const shown = session.view();
    const problems = carryWorkspaceCredentials(context.auth.credentials, session.store.workspace.credentials);
    if (problems.length === 0) return shown;
    const unusable = problems.map((reason) => ({
      path: 'lantern.workspace.yaml',
      reason,
      severity: 'error' as const,
    }));
    return { ...shown, problems: [...shown.problems, ...unusable] };
  };
  /** A folder the renderer names: recent, chosen in the dialog, given on the command line, or allowed by the rules. */
  const allowedFolder = async (path: string, create = false) => {
    const recent = (await session.list()).map((w) => w.path);
    return context.files.workspaceFolder(path, [...recent, ...context.allowedWorkspaces], create);
  };
  return {
    listWorkspaces: async () => {
      // The most recent workspace opens again at start, as the app was left.
      const workspaces = await session.list();
      const last = workspaces[0];
      if (!session.isOpen && last !== undefined) await session.open(last.path).catch(() => undefined);
      return {
        workspaces,
        open: session.isOpen ? view() : undefined,
        problem: session.registry.problem,
      };
    },
    openWorkspace: async ({ path }) => {
      await session.open(await allowedFolder(path));
      return view();
    },
    createWorkspace: async ({ name, path }) => {
      await session.create(name, path === undefined ? undefined : await allowedFolder(path, true));
      return view();
    },
    chooseWorkspaceFolder: async ({ title }) => {
      const path = await context.files.chooseFolder(title);
      return path === undefined ? {} : { path };
    },
    forgetWorkspace: async ({ path }) => {
      await session.registry.remove(path);
      return {};
    },
    createRequest: async ({ folderId, name, draft, index }) => {
      const created = await session.store.createRequest(
        folderId,
        { id: newId('req'), name, draft: draft ?? blankDraft(), inheritAuth: true },
        index,
      );
      return { view: view(), id: created.id };
    },
    saveRequest: async ({ id, draft, expectedRevision, overwrite }) => {
      await session.store.updateRequest(id, { draft }, { expectedRevision, overwrite });
      return { view: view(), revision: session.store.revisionOf(id) ?? '' };
    },
    updateRequest: async ({ id, ...patch }) => {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      await session.store.updateRequest(id, defined);
      return view();
    },
    // The view is taken after the change: it is a copy (secret values masked), not the live tree.
    duplicateRequest: async ({ id }) => {
      const copy = await session.store.duplicateRequest(id);
      return { view: view(), id: copy.id };
    },
    createFolder: async ({ parentId, name }) => {
      const folder = await session.store.createFolder(parentId, { name });
      return { view: view(), id: folder.id };
    },
    updateFolder: async ({ id, ...patch }) => {
      await session.updateFolder(id, patch);
      return view();
    },
    moveItem: async ({ kind, id, toFolderId, index }) => {
      if (kind === 'request') await session.store.moveRequest(id, toFolderId, index);
      else await session.store.moveFolder(id, toFolderId, index);
      return view();
    },
    deleteItem: async ({ kind, id }) => {
      const undoToken =
        kind === 'request' ? await session.store.deleteRequest(id) : await session.deleteFolder(id);
      return { view: view(), undoToken };
    },
    undoDelete: async ({ token }) => {
      await session.undo(token);
      return view();
    },
    inheritance: async (input) => inheritanceFor(session, context.auth.credentials, input),
    reloadWorkspace: async () => {
      await session.reload();
      return view();
    },
    previewImport: async (source) => {
      const { format, report } = await readImport(await importText(source, context.files), source.onlyXhr);
      return { format, collection: report.collection, skipped: report.skipped, counts: report.counts };
    },
    importIntoWorkspace: async ({ secrets, ...source }) => {
      const { report } = await readImport(await importText(source, context.files), source.onlyXhr);
      const outcome = await writeImport(session.store, report, {
        secrets,
        credentials: context.auth.credentials,
      });
      session.registerEnvironments(session.store);
      return { view: view(), ...outcome };
    },
    saveSampleWorkspace: () => context.sample.save(),
    curlToDraft: ({ text }) => draftFromCurl(context.auth, text),
    // A saved request exports as it is sent: the same effective draft as `send` computes.
    exportSnippet: async ({ savedRequestId, ...input }) =>
      exportSnippet(context.auth, {
        ...input,
        draft: effectiveDraft(context.workspace(), { draft: input.draft, savedRequestId }),
      }),
    exportPostman: (input) => exportPostman(context.auth, session.store.workspace, context.files, input),
  };
}
