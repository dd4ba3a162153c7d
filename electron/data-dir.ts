import { homedir } from 'node:os';
import path from 'node:path';

/** The per-user folder for settings, history and the vault, as the OS expects it (as Electron's userData). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), 'Lantern');
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', 'Lantern');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'Lantern');
}
