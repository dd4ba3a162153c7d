import type { StateCreator } from 'zustand';
import { call, mode } from '../api';
import type { LanternState } from './index';
import { oneOff, type OneOff } from './one-off';

/** Files the user names: the main side reads and writes them, the renderer never holds their contents. */
export interface FilesSlice {
  /** The desktop app offers the OS file picker; browser mode takes a typed path. */
  canPickFiles: boolean;
  /** The path chosen in the OS file picker; undefined when cancelled. */
  pickFile: () => Promise<string | undefined>;
  /** A file's name and size, without reading it into the renderer. */
  inspectFile: OneOff<'inspectFile'>;
  /** Writes text the user is looking at (a response body) to a path they typed. */
  saveTextFile: OneOff<'saveTextFile'>;
}

export const createFilesSlice: StateCreator<LanternState, [], [], FilesSlice> = () => ({
  canPickFiles: mode === 'desktop',
  pickFile: async () => {
    const result = await call('pickFile', {});
    return result.ok ? result.value.path : undefined;
  },
  inspectFile: oneOff('inspectFile'),
  saveTextFile: oneOff('saveTextFile'),
});
