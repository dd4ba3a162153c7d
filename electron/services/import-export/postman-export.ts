import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { keepEnvironmentFile, toPostman, type KeepEnvironmentFile } from '../../../shared/export';
import type { CallParsedInput } from '../../../shared/contract';
import type { Collection, Folder } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import { slugify } from '../../../shared/workspace-format/slug';
import type { Workspace } from '../../../shared/workspace-format/types';
import type { AuthContext } from '../auth/apply-auth';
import { writeFileAtomic } from '../files/atomic-file';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

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

/** Why an environment file beside the export is kept, and what to do. */
function wouldOverwrite(file: string, keep: KeepEnvironmentFile): LanternError {
  const what =
    keep.why === 'not-lantern'
      ? 'already exists and was not written by a Lantern export'
      : `was written by an earlier Lantern export, but values were filled into it since (${keep.names.join(', ')}) and a new export would replace them`;
  return new LanternError(
    'export.would-overwrite',
    `Nothing was exported: the environment file ${file} ${what}, so Lantern will not overwrite it. Move or delete it, or export to another folder.`,
  );
}

/**
 * The workspace (or one folder of it) as a Postman v2.1 collection, its environments beside it. An
 * environment file already there is replaced only when an earlier Lantern export wrote it and no
 * value was filled in since.
 */
export async function exportPostman(
  auth: AuthContext,
  workspace: Workspace,
  { folderId, path: target }: CallParsedInput<'exportPostman'>,
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
  const file = path.resolve(target);
  const taken = new Set<string>();
  const environmentFiles = exported.environments.map((environment) => {
    const base = slugify(environment.name, 'environment');
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    return {
      name: path.join(path.dirname(file), `${slug}.postman_environment.json`),
      json: environment.json,
    };
  });
  // The collection's own path was chosen by the user; the environment files beside it were not:
  // only one an earlier Lantern export wrote, with no value filled in since, is replaced.
  for (const environment of environmentFiles) {
    if (!(await exists(environment.name))) continue;
    const current = await readFile(environment.name, 'utf8').catch(() => '');
    const keep = keepEnvironmentFile(current, environment.json);
    if (keep) throw wouldOverwrite(environment.name, keep);
  }
  await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
  try {
    await writeFileAtomic(file, exported.json);
  } catch (error) {
    throw new LanternError('export.unwritable', `${file} could not be written: ${(error as Error).message}`);
  }
  for (const environment of environmentFiles) {
    try {
      await writeFileAtomic(environment.name, environment.json);
    } catch (error) {
      throw new LanternError(
        'export.unwritable',
        `${environment.name} could not be written: ${(error as Error).message}`,
      );
    }
  }
  return {
    path: file,
    environmentFiles: environmentFiles.map((e) => e.name),
    warnings: exported.warnings,
  };
}
