import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeImport } from '../services/import-export/import-into-workspace';
import { importAnyFormat } from '../services/import-export/openapi-reader';
import { initWorkspace, inspectFolder, WorkspaceStore } from '../services/workspace';
import { UnreadableError, UsageError, type CliCommand } from './args';
import type { CliIo } from './run-command';

export async function readInputFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new UnreadableError(`${file} could not be read: ${why}.`);
  }
}

/** `lantern import <file> --into <workspace>`: an empty or missing folder becomes a new workspace. */
export async function importIntoWorkspace(
  options: Extract<CliCommand, { command: 'import' }>,
  io: CliIo,
): Promise<number> {
  const text = await readInputFile(options.file);
  const result = await importAnyFormat(text);
  if (!result.ok) {
    io.err(`lantern: ${options.file}: ${result.error}\n`);
    return 1;
  }
  const dir = path.resolve(options.into);
  const inspection = await inspectFolder(dir);
  if (inspection.kind === 'missing' || inspection.kind === 'empty')
    await initWorkspace(dir, result.report.collection.name);
  else if (inspection.kind !== 'workspace')
    throw new UsageError(
      `${dir} is not a Lantern workspace (no lantern.workspace.yaml) and not empty: pick a workspace or an empty folder.`,
    );
  const store = await WorkspaceStore.open(dir, { watch: false });
  try {
    const outcome = await writeImport(store, result.report, {});
    const { counts } = outcome;
    io.out(
      `Imported "${result.report.collection.name}" into ${dir}: ${counts.requests} requests, ${counts.folders} folders, ${counts.environments} environments.\n`,
    );
    if (outcome.skipped.length > 0)
      io.out(`Not carried over:\n${outcome.skipped.map((line) => `  - ${line}`).join('\n')}\n`);
    return 0;
  } finally {
    store.close();
  }
}
