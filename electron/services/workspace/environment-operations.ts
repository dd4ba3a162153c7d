import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { variableSchema } from '../../../shared/model/collection';
import { LanternError } from '../../../shared/model/result';
import { decodeEnvironment, encodeEnvironment } from '../../../shared/workspace-format/folder-files';
import { slugify } from '../../../shared/workspace-format/slug';
import {
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_DIR,
  type WorkspaceEnvironment,
} from '../../../shared/workspace-format/types';
import type { WorkspaceFiles } from './workspace-files';

const environmentInputSchema = z.object({
  /** Absent: a new environment, in a new file named after it. */
  id: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1, 'An environment needs a name.').max(200),
  variables: z.array(variableSchema).max(1_000),
});
export type EnvironmentInput = z.input<typeof environmentInputSchema>;

export interface DeletedEnvironment {
  kind: 'environment';
  path: string;
  bytes: Buffer;
}

/**
 * Saves an environment to `environments/<id>.env.yaml`. Secret values are left out of the file
 * (`value: ''`, `secret: true`): the caller puts them in the vault. The file keeps its name when
 * the environment is renamed, so its id (and any vault entry keyed by it) stays the same.
 */
export async function saveEnvironment(
  files: WorkspaceFiles,
  input: EnvironmentInput,
): Promise<WorkspaceEnvironment> {
  const parsed = environmentInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LanternError(
      'workspace.environment-invalid',
      `The environment cannot be saved: ${issue?.path.join('.') || 'it'} — ${issue?.message ?? 'not valid'}. Correct it and try again.`,
    );
  }
  const { id, name, variables } = parsed.data;
  const existing = id === undefined ? undefined : files.state.environments.get(id);
  if (id !== undefined && existing === undefined) {
    throw new LanternError(
      'workspace.environment-missing',
      `There is no environment "${id}" in this workspace: it may have been deleted on disk. Reload and try again.`,
    );
  }
  let rel = existing?.path;
  if (rel === undefined) {
    await mkdir(files.abs(ENVIRONMENTS_DIR), { recursive: true });
    rel = `${ENVIRONMENTS_DIR}/${files.freeName(ENVIRONMENTS_DIR, slugify(name, 'environment'), ENVIRONMENT_SUFFIX)}`;
  }
  const fileId = path.posix.basename(rel).slice(0, -ENVIRONMENT_SUFFIX.length);
  const environment: WorkspaceEnvironment = {
    id: fileId,
    name,
    variables: variables.map((v) => ({ name: v.name, value: v.secret ? '' : v.value, secret: v.secret })),
  };
  const extras = existing?.extras ?? {};
  const text = encodeEnvironment(environment, extras);
  await files.write(rel, text, decodeEnvironment(text, fileId));
  files.state.environments.set(fileId, { environment, path: rel, extras });
  const list = files.state.workspace.environments;
  const index = list.findIndex((e) => e.id === fileId);
  if (index === -1) list.push(environment);
  else list[index] = environment;
  return environment;
}

export async function deleteEnvironment(files: WorkspaceFiles, id: string): Promise<DeletedEnvironment> {
  const entry = files.state.environments.get(id);
  if (entry === undefined) {
    throw new LanternError(
      'workspace.environment-missing',
      `There is no environment "${id}" in this workspace.`,
    );
  }
  const bytes = await readFile(files.abs(entry.path));
  await files.remove(entry.path);
  files.state.environments.delete(id);
  files.state.workspace.environments = files.state.workspace.environments.filter((e) => e.id !== id);
  return { kind: 'environment', path: entry.path, bytes };
}

export async function restoreEnvironment(
  files: WorkspaceFiles,
  deleted: DeletedEnvironment,
): Promise<WorkspaceEnvironment> {
  const id = path.posix.basename(deleted.path).slice(0, -ENVIRONMENT_SUFFIX.length);
  if (files.state.environments.has(id)) {
    throw new LanternError(
      'workspace.undo-failed',
      `An environment file "${deleted.path}" exists again, so the deletion cannot be undone.`,
    );
  }
  await mkdir(files.abs(ENVIRONMENTS_DIR), { recursive: true });
  const decoded = decodeEnvironment(deleted.bytes.toString('utf8'), id);
  if (!decoded.ok)
    throw new LanternError('workspace.undo-failed', 'The deleted environment could not be read back.');
  await files.write(deleted.path, deleted.bytes, decoded);
  files.state.environments.set(id, {
    environment: decoded.value,
    path: deleted.path,
    extras: decoded.extras,
  });
  files.state.workspace.environments.push(decoded.value);
  return decoded.value;
}
