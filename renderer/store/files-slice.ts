import type { StateCreator } from 'zustand';
import type { ChosenFile } from '../../shared/files/file-ref';
import type { Result } from '../../shared/model/result';
import { call, mode } from '../api';
import { finishSave, uploadFile } from '../file-transfer';
import type { LanternState } from './index';
import { oneOff, type OneOff } from './one-off';

/**
 * Files the user chooses: the main side reads and writes them, the renderer never holds a path.
 * The desktop app shows native dialogs on the main side; browser mode uploads from a file input
 * and saves by download.
 */
export interface FilesSlice {
  /** The desktop app's dialogs; browser mode offers the page's file input and downloads. */
  hasFileDialogs: boolean;
  /** The desktop open dialog: a granted file, undefined when cancelled. */
  chooseFile: (options?: {
    title?: string;
    extensions?: string[];
  }) => Promise<Result<ChosenFile | undefined>>;
  /** Browser mode: a file from the page's file input, uploaded and granted. */
  uploadFile: (file: File) => Promise<Result<ChosenFile>>;
  /** The desktop folder dialog, for a workspace; undefined when cancelled (the error is the workspace error). */
  chooseWorkspaceFolder: () => Promise<string | undefined>;
  /** A chosen file's name and size, by its reference. */
  inspectFile: OneOff<'inspectFile'>;
  /** Saves text the user is looking at: the save dialog (desktop) or a download (browser). */
  saveText: (input: {
    suggestedName: string;
    text: string;
    companions?: { name: string; text: string }[];
  }) => Promise<{ ok: boolean; text: string }>;
}

export const createFilesSlice: StateCreator<LanternState, [], [], FilesSlice> = (set) => ({
  hasFileDialogs: mode === 'desktop',
  chooseFile: async (options = {}) => {
    const result = await call('pickFile', options);
    return result.ok ? { ok: true, value: result.value.file } : result;
  },
  uploadFile,
  chooseWorkspaceFolder: async () => {
    const result = await call('chooseWorkspaceFolder', {});
    if (!result.ok) set({ workspaceError: result.error.message });
    return result.ok ? result.value.path : undefined;
  },
  inspectFile: oneOff('inspectFile'),
  saveText: async (input) => finishSave(await call('saveTextFile', input)),
});
