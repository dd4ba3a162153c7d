import { access, copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { SaveOutcome } from '../../../shared/files/file-ref';
import { LanternError } from '../../../shared/model/result';
import { writeFileAtomic } from './atomic-file';
import type { FileAccess } from './file-access';

/** What to write: text (atomically), or a copy of a file the main side keeps (a large body). */
export type SaveContent = { text: string; mode?: number } | { copyOf: string; bytes: number };

/**
 * Writes where the user chooses in the desktop save dialog, and nowhere else: the renderer names
 * no path. `companions` go beside the chosen file under their own names; when one would replace a
 * file that must be kept, nothing is written. Browser mode has no dialog: callers hand text back as
 * downloads, see `downloadsOf`.
 */
export async function saveWithDialog(
  files: FileAccess,
  options: {
    title: string;
    suggestedName: string;
    content: SaveContent;
    companions?: { name: string; text: string }[];
    /**
     * Why a companion already there must be kept (undefined: it may be replaced, e.g. an earlier
     * export with nothing filled in since). Without it, no file beside the chosen one is replaced.
     */
    whyKeep?: (file: string, text: string) => Promise<string | undefined>;
  },
): Promise<SaveOutcome & { companions: string[] }> {
  const target = await files.saveTarget(options.title, options.suggestedName);
  if (target === undefined) return { saved: false, companions: [] };
  const name = path.basename(target);
  // The chosen file's companions were not chosen: nothing is written while one would replace a file to keep.
  for (const companion of options.companions ?? []) {
    const file = path.join(path.dirname(target), companion.name);
    const there = await access(file).then(
      () => true,
      () => false,
    );
    if (!there) continue;
    const keep = options.whyKeep
      ? await options.whyKeep(file, companion.text)
      : `${companion.name} already exists beside it, and Lantern does not replace a file you did not choose`;
    if (keep !== undefined)
      throw new LanternError(
        'file.would-overwrite',
        `Nothing was saved: ${keep}. Move or delete it, or choose another folder.`,
      );
  }
  const bytes = await write(target, options.content).catch((error: NodeJS.ErrnoException) => {
    throw new LanternError('file.save-failed', `Could not save "${name}": ${saveFailure(error)}.`);
  });
  const written: string[] = [];
  for (const companion of options.companions ?? []) {
    const file = path.join(path.dirname(target), companion.name);
    await writeFileAtomic(file, companion.text).catch((error: NodeJS.ErrnoException) => {
      throw new LanternError(
        'file.save-failed',
        `"${name}" was saved, but "${companion.name}" beside it could not be: ${saveFailure(error)}.`,
      );
    });
    written.push(companion.name);
  }
  return { saved: true, name, bytes, companions: written };
}

async function write(target: string, content: SaveContent): Promise<number> {
  if ('copyOf' in content) {
    await copyFile(content.copyOf, target);
    return content.bytes;
  }
  // The one temp-file rule of every writer: a crash leaves a file the next start removes.
  await writeFileAtomic(target, content.text, content.mode);
  return Buffer.byteLength(content.text);
}

function saveFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'Lantern is not allowed to write there. Choose a folder you own';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EISDIR':
      return 'that is a folder. Choose a file name';
    default:
      return `${error.code ?? error.message}. Choose another place`;
  }
}
