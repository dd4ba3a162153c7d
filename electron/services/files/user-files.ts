import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../../shared/model/result';
import { writeFileAtomic } from './atomic-file';

/** Name and size of a file the user named for a body; plain words when it cannot be used. */
export async function inspectFile({
  path: filePath,
}: {
  path: string;
}): Promise<{ name: string; size: number }> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new LanternError('file.not-a-file', `"${filePath}" is a folder, not a file.`);
    return { name: path.basename(filePath), size: info.size };
  } catch (error) {
    if (error instanceof LanternError) throw error;
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new LanternError('file.unreadable', `"${filePath}" cannot be used: ${why}. Check the path.`);
  }
}

export const noFilePicker = async (): Promise<{ path?: string }> => {
  throw new LanternError(
    'file.no-picker',
    'Browser mode cannot open a file picker on the machine running Lantern: type the full path of the file instead.',
  );
};

/** Saves text to a file the user named; the folder must exist. Never leaves a half-written file. */
export async function saveTextFile({
  path: target,
  text,
}: {
  path: string;
  text: string;
}): Promise<{ path: string; bytes: number }> {
  if (!path.isAbsolute(target)) {
    throw new LanternError(
      'file.not-absolute',
      `"${target}" is not a full path. Type the whole path, e.g. /home/me/response.json.`,
    );
  }
  try {
    // The one temp-file rule of every writer: a crash leaves a file the next start removes.
    await writeFileAtomic(target, text);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EACCES'
          ? 'permission was denied'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : (code ?? 'unknown error');
    throw new LanternError('file.save-failed', `Could not save to "${target}": ${why}. Pick another folder.`);
  }
  return { path: target, bytes: Buffer.byteLength(text) };
}
