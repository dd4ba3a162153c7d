import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import type { Decoded, Extras } from '../../../shared/workspace-format/file-codec';
import {
  decodeEnvironment,
  decodeFolderMeta,
  decodeWorkspaceFile,
  type FolderMeta,
} from '../../../shared/workspace-format/folder-files';
import { decodeRequest } from '../../../shared/workspace-format/request-file';
import {
  mapInSlices,
  readWithStamp,
  readWithStampSync,
  scanTree,
  statStampSync,
  toRel,
  type ScannedDir,
} from './scan';
import {
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_DIR,
  FOLDER_FILE,
  REQUEST_SUFFIX,
  WORKSPACE_FILE,
  type Folder,
  type OpenedWorkspace,
  type SavedRequest,
  type WorkspaceEnvironment,
  type WorkspaceProblem,
} from '../../../shared/workspace-format/types';

export interface RequestEntry {
  request: SavedRequest;
  /** Relative to the workspace folder. */
  path: string;
  extras: Extras;
  revision: string;
}

export interface FolderEntry {
  folder: Folder;
  /** The folder's directory, relative; '' for the workspace folder. */
  path: string;
  parentId: string | undefined;
  metaExtras: Extras;
}

export interface EnvironmentEntry {
  environment: WorkspaceEnvironment;
  path: string;
  extras: Extras;
}

/** A file's decoded content, reused on reload while its stamp (mtime, size, inode) is unchanged. */
export interface CachedFile {
  stamp: string;
  revision: string;
  decoded: Decoded<unknown>;
}

/** Everything the store needs besides the tree: where each thing lives on disk. */
export interface LoadedWorkspace extends OpenedWorkspace {
  dir: string;
  workspaceExtras: Extras;
  /** Files that could not be read: Lantern never writes them. */
  protectedPaths: Set<string>;
  requests: Map<string, RequestEntry>;
  folders: Map<string, FolderEntry>;
  environments: Map<string, EnvironmentEntry>;
  /** Every name in each directory (Lantern's or not), so new names never clash. */
  names: Map<string, Set<string>>;
  cache: Map<string, CachedFile>;
}

function decoderFor(rel: string): ((text: string) => Decoded<unknown>) | undefined {
  const base = path.posix.basename(rel);
  if (rel.startsWith(`${ENVIRONMENTS_DIR}/`) && base.endsWith(ENVIRONMENT_SUFFIX)) {
    return (text) => decodeEnvironment(text, base.slice(0, -ENVIRONMENT_SUFFIX.length));
  }
  if (base.endsWith(REQUEST_SUFFIX)) return decodeRequest;
  if (base === FOLDER_FILE) return decodeFolderMeta;
  return undefined;
}

function readDecoded(dir: string, rel: string, cache?: Map<string, CachedFile>): CachedFile | undefined {
  const decode = decoderFor(rel) as (text: string) => Decoded<unknown>;
  const file = path.join(dir, rel);
  const previous = cache?.get(rel);
  if (previous !== undefined && statStampSync(file) === previous.stamp) return previous;
  const read = readWithStampSync(file);
  if (read === undefined) return undefined;
  return { stamp: read.stamp, revision: read.revision, decoded: decode(read.text) };
}

/** A stable id for a folder whose `_folder.yaml` is missing or gives none: from its path. */
function derivedId(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha1').update(text).digest('base64url').slice(0, 12)}`;
}

/** Children listed in `order` come first, in that order; the rest follow by file name. */
function orderedNames(names: string[], order: readonly string[] | undefined): string[] {
  if (order === undefined || order.length === 0) return names;
  const rank = new Map(order.map((name, index) => [name, index]));
  return [...names].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1));
}

async function readWorkspaceFile(dir: string) {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new LanternError(
      'workspace.missing',
      `"${dir}" cannot be opened as a workspace: there is no such folder. Check the path, or remove it from the list of workspaces.`,
    );
  }
  const read = await readWithStamp(path.join(dir, WORKSPACE_FILE));
  if (read === undefined) {
    throw new LanternError(
      'workspace.not-a-workspace',
      `"${dir}" is not a Lantern workspace: it has no ${WORKSPACE_FILE}. Initialise it as a workspace to use it; the files already there are left as they are.`,
    );
  }
  return decodeWorkspaceFile(read.text);
}

/**
 * Opens the workspace in `dir`: every file that can be read is loaded, and every one that cannot
 * is listed in `problems` (path, line, reason) and left exactly as it is.
 */
export async function openWorkspace(dir: string): Promise<OpenedWorkspace> {
  const { workspace, problems } = await loadWorkspace(dir);
  return { workspace, problems };
}

/** `openWorkspace` plus the bookkeeping the store needs; `cache` skips files that did not change. */
export async function loadWorkspace(dir: string, cache?: Map<string, CachedFile>): Promise<LoadedWorkspace> {
  const problems: WorkspaceProblem[] = [];
  const protectedPaths = new Set<string>();
  const report = (rel: string, problem: { line?: number; reason: string }, severity: 'error' | 'warning') => {
    problems.push({
      path: rel,
      ...(problem.line === undefined ? {} : { line: problem.line }),
      reason: problem.reason,
      severity,
    });
    if (severity === 'error') protectedPaths.add(rel);
  };
  const head = await readWorkspaceFile(dir);
  if (!head.ok) report(WORKSPACE_FILE, head, 'error');
  const id = head.ok ? head.value.id : derivedId('ws', path.resolve(dir));
  const name = head.ok ? head.value.name : path.basename(path.resolve(dir));

  const [tree, environmentDir] = await Promise.all([
    scanTree(dir),
    scanTree(path.join(dir, ENVIRONMENTS_DIR)),
  ]);
  tree.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const envNames = environmentDir.find((d) => d.rel === '')?.files ?? [];
  const envFiles = envNames.map((file) => toRel(ENVIRONMENTS_DIR, file));
  const wanted = [...tree.flatMap((d) => d.files.map((file) => toRel(d.rel, file))), ...envFiles].filter(
    (rel) => decoderFor(rel) !== undefined,
  );
  // Read and decoded synchronously in slices: 5,000 small files took 0.7–1.2 s through the
  // promise API's four thread-pool steps each (open, stat, read, close) and ~0.25 s this way.
  const reads = await mapInSlices(wanted, (rel) => readDecoded(dir, rel, cache));
  const nextCache = new Map<string, CachedFile>();
  wanted.forEach((rel, index) => {
    const read = reads[index];
    if (read !== undefined) nextCache.set(rel, read);
  });

  const loaded: LoadedWorkspace = {
    dir,
    workspace: {
      id,
      name,
      root: undefined as unknown as Folder,
      environments: [],
      ...(head.ok && head.value.credentials ? { credentials: head.value.credentials } : {}),
    },
    problems,
    workspaceExtras: head.ok ? head.extras : {},
    protectedPaths,
    requests: new Map(),
    folders: new Map(),
    environments: new Map(),
    names: new Map([
      ...tree.map((d): [string, Set<string>] => [d.rel, new Set([...d.dirs, ...d.files])]),
      [ENVIRONMENTS_DIR, new Set(envNames)],
    ]),
    cache: nextCache,
  };
  const decodedAt = (rel: string): Decoded<unknown> | undefined => {
    const entry = nextCache.get(rel);
    if (entry === undefined) return undefined;
    if (!entry.decoded.ok) report(rel, entry.decoded, 'error');
    else for (const warning of entry.decoded.warnings) report(rel, warning, 'warning');
    return entry.decoded;
  };
  buildTree(loaded, tree, decodedAt);
  for (const rel of envFiles) {
    const decoded = decodedAt(rel);
    if (decoded === undefined || !decoded.ok) continue;
    const environment = decoded.value as WorkspaceEnvironment;
    loaded.environments.set(environment.id, { environment, path: rel, extras: decoded.extras });
    loaded.workspace.environments.push(environment);
  }
  return loaded;
}

function buildTree(
  loaded: LoadedWorkspace,
  tree: ScannedDir[],
  decodedAt: (rel: string) => Decoded<unknown> | undefined,
): void {
  const folderAt = new Map<string, FolderEntry>();
  const orderOf = new Map<string, string[] | undefined>();
  for (const scanned of tree) {
    const { rel } = scanned;
    const metaDecoded = scanned.files.includes(FOLDER_FILE) ? decodedAt(toRel(rel, FOLDER_FILE)) : undefined;
    const meta: FolderMeta = metaDecoded?.ok ? (metaDecoded.value as FolderMeta) : {};
    const parent =
      rel === '' ? undefined : folderAt.get(path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel));
    let id = rel === '' ? loaded.workspace.id : (meta.id ?? derivedId('fld', rel));
    // A copied folder keeps its copy's id: give the second one a path-based id so both show.
    if (loaded.folders.has(id)) id = derivedId('fld', rel);
    const folder: Folder = {
      id,
      name: rel === '' ? loaded.workspace.name : (meta.name ?? path.posix.basename(rel)),
      ...(meta.description === undefined ? {} : { description: meta.description }),
      ...(meta.auth === undefined ? {} : { auth: meta.auth }),
      ...(meta.headers === undefined ? {} : { headers: meta.headers }),
      ...(meta.variables === undefined ? {} : { variables: meta.variables }),
      ...(meta.tests === undefined ? {} : { tests: meta.tests }),
      ...(metaDecoded && !metaDecoded.ok
        ? {
            unreadable: {
              path: toRel(rel, FOLDER_FILE),
              reason: `${metaDecoded.line ? `line ${metaDecoded.line}: ` : ''}${metaDecoded.reason}`,
            },
          }
        : {}),
      folders: [],
      requests: [],
    };
    const entry: FolderEntry = {
      folder,
      path: rel,
      parentId: parent?.folder.id,
      metaExtras: metaDecoded?.ok ? metaDecoded.extras : {},
    };
    loaded.folders.set(id, entry);
    folderAt.set(rel, entry);
    orderOf.set(rel, meta.order);
    if (parent === undefined) loaded.workspace.root = folder;
    else parent.folder.folders.push(folder);

    const requestFiles = orderedNames(
      scanned.files.filter((file) => file.endsWith(REQUEST_SUFFIX)),
      meta.order,
    );
    for (const file of requestFiles) {
      const fileRel = toRel(rel, file);
      const decoded = decodedAt(fileRel);
      if (decoded === undefined || !decoded.ok) continue;
      const request = decoded.value as SavedRequest;
      const twin = loaded.requests.get(request.id);
      if (twin !== undefined) {
        loaded.problems.push({
          path: fileRel,
          reason: `Its id "${request.id}" is already used by ${twin.path} (a copied file?). Give one of them a new id in an editor.`,
          severity: 'error',
        });
        loaded.protectedPaths.add(fileRel);
        continue;
      }
      const revision = loaded.cache.get(fileRel)?.revision ?? '';
      loaded.requests.set(request.id, { request, path: fileRel, extras: decoded.extras, revision });
      folder.requests.push(request);
    }
  }
  for (const [rel, entry] of folderAt) {
    const byName = new Map(
      entry.folder.folders.map((child) => [path.posix.basename(folderPathOf(loaded, child.id)), child]),
    );
    entry.folder.folders = orderedNames([...byName.keys()], orderOf.get(rel)).map(
      (name) => byName.get(name) as Folder,
    );
  }
}

function folderPathOf(loaded: LoadedWorkspace, id: string): string {
  return loaded.folders.get(id)?.path ?? '';
}
