import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { keepEnvironmentFile, toPostman, type KeepEnvironmentFile } from '../../../shared/export';
import type { CallParsedInput } from '../../../shared/contract';
import type { Collection, Folder } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import { slugify } from '../../../shared/workspace-format/slug';
import type { Workspace } from '../../../shared/workspace-format/types';
import type { AuthContext } from '../auth/apply-auth';
import type { FileAccess } from '../files/file-access';
import { saveWithDialog } from '../files/save-files';

function findFolder(root: Folder, id: string): Folder | undefined {
  if (root.id === id) return root;
  for (const child of root.folders) {
    const found = findFolder(child, id);
    if (found) return found;
  }
  return undefined;
}

function credentialIdsOf(folder: Folder, into = new Set<string>()): Set<string> {
  if (folder.auth && folder.auth.type !== 'none') into.add(folder.auth.credentialId);
  for (const request of folder.requests)
    if (request.draft.auth.type !== 'none') into.add(request.draft.auth.credentialId);
  for (const child of folder.folders) credentialIdsOf(child, into);
  return into;
}

/** Why an environment file beside the export is kept. */
function keptMessage(name: string, keep: KeepEnvironmentFile): string {
  const what =
    keep.why === 'not-lantern'
      ? 'already exists and was not written by a Lantern export'
      : `was written by an earlier Lantern export, but values were filled into it since (${keep.names.join(', ')}) and a new export would replace them`;
  return `the environment file ${name} ${what}, so Lantern will not overwrite it`;
}

/**
 * The workspace (or one folder of it) as a Postman v2.1 collection and its environments: written
 * where the user chooses in the save dialog (desktop app), the environments beside it, or handed
 * back as downloads (browser mode). An environment file already there is replaced only when an
 * earlier Lantern export wrote it and no value was filled in since.
 */
export async function exportPostman(
  auth: AuthContext,
  workspace: Workspace,
  files: FileAccess,
  { folderId }: CallParsedInput<'exportPostman'>,
) {
  const root = folderId === undefined ? workspace.root : findFolder(workspace.root, folderId);
  if (!root) throw new LanternError('workspace.folder-missing', 'That folder is no longer in the workspace.');
  const used = credentialIdsOf(root);
  const collection: Collection = {
    name: root.name,
    root,
    environments: folderId === undefined ? workspace.environments : [],
    credentials: auth.credentials
      .summaries()
      .filter((c) => used.has(c.id))
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        label: c.label,
        fields: c.fields,
        // A secret taken from a `{{variable}}` is exported as that variable: nothing is left out.
        secretLeftOut: c.secretReference === undefined,
        ...(c.secretReference !== undefined ? { secretReference: c.secretReference } : {}),
      })),
  };
  const exported = toPostman(collection);
  const taken = new Set<string>();
  const environments = exported.environments.map((environment) => {
    const base = slugify(environment.name, 'environment');
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    return { name: `${slug}.postman_environment.json`, text: environment.json };
  });
  const name = `${slugify(root.name, 'collection')}.postman_collection.json`;
  if (!files.hasDialogs) {
    const downloads = [{ name, text: exported.json }, ...environments].map((f) => ({
      ...f,
      mimeType: 'application/json',
    }));
    return {
      saved: false,
      downloads,
      environmentFiles: environments.map((e) => e.name),
      warnings: exported.warnings,
    };
  }
  const outcome = await saveWithDialog(files, {
    title: 'Export as a Postman collection',
    suggestedName: name,
    content: { text: exported.json },
    companions: environments,
    whyKeep: async (file, text) => {
      const keep = keepEnvironmentFile(await readFile(file, 'utf8').catch(() => ''), text);
      return keep && keptMessage(path.basename(file), keep);
    },
  });
  return {
    saved: outcome.saved,
    ...(outcome.name !== undefined ? { name: outcome.name, bytes: outcome.bytes } : {}),
    environmentFiles: outcome.companions,
    warnings: exported.warnings,
  };
}
