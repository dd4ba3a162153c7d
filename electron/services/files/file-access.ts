import { randomBytes } from 'node:crypto';
import { mkdir, open, realpath, rm, stat, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { grantRef, parseFileRef, safeFileName, type ChosenFile } from '../../../shared/files/file-ref';
import { isInside, workspaceFolderProblem } from '../../../shared/files/folder-rules';
import { LanternError } from '../../../shared/model/result';
import type { FileDialogs } from './file-dialogs';
import type { GrantStore } from './grant-store';

/** Largest file Lantern reads for a request body or uploads in browser mode. */
export const MAX_READ_BYTES = 512 * 1024 * 1024;
/** An upload not finished within this time is dropped with its partial copy. */
const UPLOAD_IDLE_MS = 10 * 60_000;

interface Upload {
  name: string;
  size: number;
  received: number;
  file: string;
  handle: FileHandle;
  timer: NodeJS.Timeout;
}

export interface ReadContext {
  /** The folder of the workspace the request or file belongs to: paths written in it may stay inside. */
  workspaceDir?: string;
  /** What the file is for, as the message names it: "the body", "the CA file". */
  what: string;
}

/**
 * The one gate between a file the renderer names and the disk. The renderer names a file by a
 * grant (the user chose it: a dialog, or an upload) or by a path written in a workspace file,
 * which is read only when it stays inside that workspace's folder, symlinks resolved.
 */
export class FileAccess {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly options: { grants: GrantStore; dataDir: string; dialogs?: FileDialogs; home?: string },
  ) {}

  get hasDialogs(): boolean {
    return this.options.dialogs !== undefined;
  }

  /** The path to read for a file field, or a refusal that says which file and what to do. */
  async readable(text: string, context: ReadContext): Promise<string> {
    const ref = parseFileRef(text);
    if (ref.kind === 'grant') {
      const granted = await this.options.grants.pathOf(ref.id, 'read');
      if (granted !== undefined) return granted;
      throw new LanternError(
        'file.not-granted',
        `The file "${ref.name}" (${context.what}) was chosen on another computer, or Lantern no longer has it. Choose the file again.`,
      );
    }
    if (ref.path === '')
      throw new LanternError('file.none', `No file is chosen for ${context.what}. Choose a file.`);
    const refused = new LanternError(
      'file.not-granted',
      `Lantern did not read "${ref.path}" (${context.what}): it reads only files you choose, or files inside the workspace's own folder, and this one is neither. Choose the file to allow it.`,
    );
    const dir = context.workspaceDir;
    if (dir === undefined) throw refused;
    const target = path.resolve(dir, ref.path);
    // Checked on the path as written first: a path outside is refused before the disk is asked.
    if (!isInside(dir, target, { platform: process.platform })) throw refused;
    const [realDir, realTarget] = await Promise.all([
      realpath(dir),
      realpath(target).catch((error: NodeJS.ErrnoException) => {
        throw new LanternError(
          'file.unreadable',
          `The file "${ref.path}" (${context.what}) ${error.code === 'ENOENT' ? 'does not exist in the workspace folder' : `cannot be read (${error.code ?? error.message})`}. Fix the path or choose the file.`,
        );
      }),
    ]);
    // A symlink inside the workspace that points out of it is refused like a path outside.
    if (!isInside(realDir, realTarget, { platform: process.platform })) throw refused;
    return realTarget;
  }

  /** Name and size of a granted file (no other file is looked at). */
  async describe(text: string): Promise<{ name: string; size: number }> {
    const ref = parseFileRef(text);
    const granted = ref.kind === 'grant' ? await this.options.grants.pathOf(ref.id, 'read') : undefined;
    if (ref.kind !== 'grant' || granted === undefined) {
      throw new LanternError(
        'file.not-granted',
        'Lantern describes only files you chose on this computer. Choose the file.',
      );
    }
    const info = await stat(granted).catch(() => undefined);
    if (!info?.isFile())
      throw new LanternError(
        'file.unreadable',
        `The file "${ref.name}" you chose is no longer there (moved or deleted). Choose it again.`,
      );
    return { name: ref.name, size: info.size };
  }

  /** The desktop app's open dialog: a grant for the file the user picks, undefined when cancelled. */
  async choose(title: string, extensions?: string[]): Promise<ChosenFile | undefined> {
    const dialogs = this.requireDialogs('choose a file', 'Use the file input');
    const picked = await dialogs.openFile({ title, ...(extensions ? { extensions } : {}) });
    if (picked === undefined) return undefined;
    return this.grantRead(picked);
  }

  /** Grants a file the user picked (a dialog's answer, or an upload's copy). */
  async grantRead(file: string, name = path.basename(file)): Promise<ChosenFile> {
    const info = await stat(file);
    if (!info.isFile())
      throw new LanternError('file.not-a-file', `"${name}" is a folder, not a file. Choose a file.`);
    const id = await this.options.grants.grant(file, 'read');
    return { ref: grantRef(id, name), name, size: info.size };
  }

  /**
   * Browser mode's file input: the content arrives in chunks (a call is at most 8 MB) into a copy
   * in the data folder, granted when the last byte is in.
   */
  async uploadChunk(input: {
    uploadId?: string | undefined;
    name: string;
    size: number;
    offset: number;
    data: string;
  }): Promise<{ uploadId: string; received: number; file?: ChosenFile }> {
    if (input.size > MAX_READ_BYTES)
      throw new LanternError(
        'file.too-large',
        `"${input.name}" is larger than 512 MB; Lantern does not take files that big.`,
      );
    const uploadId = input.uploadId ?? (await this.startUpload(input));
    const upload = this.uploads.get(uploadId);
    if (!upload)
      throw new LanternError(
        'file.upload-lost',
        `The upload of "${input.name}" was interrupted (nothing arrived for 10 minutes, or Lantern restarted). Choose the file again.`,
      );
    const bytes = Buffer.from(input.data, 'base64');
    if (input.offset !== upload.received || upload.received + bytes.length > upload.size) {
      await this.dropUpload(uploadId);
      throw new LanternError(
        'file.upload-broken',
        `The upload of "${upload.name}" arrived out of order or larger than announced. Choose the file again.`,
      );
    }
    await upload.handle.write(bytes);
    upload.received += bytes.length;
    upload.timer.refresh();
    if (upload.received < upload.size) return { uploadId, received: upload.received };
    this.uploads.delete(uploadId);
    clearTimeout(upload.timer);
    await upload.handle.close();
    return { uploadId, received: upload.received, file: await this.grantRead(upload.file) };
  }

  /** The desktop save dialog: the path to write, or undefined when the user cancels. */
  async saveTarget(title: string, defaultName: string): Promise<string | undefined> {
    return this.requireDialogs('save a file', 'Use the download').saveFile({ title, defaultName });
  }

  /** The desktop folder dialog, for a workspace; the folder is granted. */
  async chooseFolder(title: string): Promise<string | undefined> {
    const picked = await this.requireDialogs('choose a folder', 'Type the folder path').openFolder({ title });
    if (picked === undefined) return undefined;
    const resolved = await realpath(picked);
    await this.options.grants.grant(resolved, 'folder');
    return resolved;
  }

  /**
   * A folder the renderer names for a workspace, resolved (`..`, symlinks): one chosen in the
   * folder dialog or listed in `allowed` (recent workspaces, the command line) as it is; any other
   * only when the rule set allows it. `create`: the folder need not exist yet (its parent must).
   */
  async workspaceFolder(typed: string, allowed: string[], create = false): Promise<string> {
    const absolute = path.resolve(typed);
    const resolved = await resolveExisting(absolute, create);
    if (allowed.some((a) => path.resolve(a) === absolute || path.resolve(a) === resolved)) return resolved;
    if (await this.options.grants.isGranted(resolved, 'folder')) return resolved;
    const problem = workspaceFolderProblem(resolved, {
      home: this.options.home ?? homedir(),
      dataDir: path.resolve(this.options.dataDir),
      platform: process.platform,
    });
    if (problem) throw new LanternError('workspace.folder-refused', problem);
    return resolved;
  }

  /** Forgets unfinished uploads and their partial copies. */
  async close(): Promise<void> {
    await Promise.all([...this.uploads.keys()].map((id) => this.dropUpload(id)));
  }

  private requireDialogs(action: string, instead: string): FileDialogs {
    if (this.options.dialogs) return this.options.dialogs;
    throw new LanternError(
      'file.no-dialog',
      `Browser mode cannot ${action} on the machine running Lantern. ${instead} in the page instead.`,
    );
  }

  /** A copy in `uploads/<id>/<name>`: the file keeps its name (a multipart part sends it). */
  private async startUpload(input: { name: string; size: number }): Promise<string> {
    const id = randomBytes(16).toString('hex');
    const dir = path.join(this.options.dataDir, 'uploads', id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, safeFileName(input.name, 'upload'));
    const handle = await open(file, 'wx', 0o600);
    const timer = setTimeout(() => void this.dropUpload(id), UPLOAD_IDLE_MS);
    timer.unref();
    const upload: Upload = { name: input.name, size: input.size, received: 0, file, handle, timer };
    this.uploads.set(id, upload);
    return id;
  }

  private async dropUpload(id: string): Promise<void> {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    clearTimeout(upload.timer);
    await upload.handle.close().catch(() => undefined);
    await rm(path.dirname(upload.file), { recursive: true, force: true });
  }
}

/** The real path of a folder, or for one to be created, its parent's real path + its name. */
async function resolveExisting(absolute: string, create: boolean): Promise<string> {
  try {
    return await realpath(absolute);
  } catch (error) {
    if (!create || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new LanternError(
        'workspace.folder-missing',
        `There is no folder at ${absolute}. Check the path, or choose the folder.`,
      );
    }
    return path.join(await resolveExisting(path.dirname(absolute), false), path.basename(absolute));
  }
}
