import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { tempNameFor } from './services/files/atomic-file';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof stateSchema>;

const DEFAULT_STATE: WindowState = { width: 1400, height: 900, maximized: false };

/** Reads the remembered window bounds; anything unreadable falls back to the defaults. */
export function loadWindowState(dataDir: string): WindowState {
  try {
    return stateSchema.parse(JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')));
  } catch {
    return DEFAULT_STATE;
  }
}

/** Writes the bounds atomically (temp file by the writers' one naming rule, then rename). */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, 'window-state.json');
  const temp = tempNameFor(file);
  writeFileSync(temp, JSON.stringify(state, null, 2));
  renameSync(temp, file);
}
