import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LanternError } from '../../shared/model/result';

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
