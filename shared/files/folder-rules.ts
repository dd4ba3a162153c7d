/**
 * Which folders a typed path may name as a workspace (browser mode's prompt, or any path the
 * renderer sends). The path must already be absolute and resolved (`..` and symlinks): the main
 * side resolves it first. Pure: the caller gives the home and data folders and the platform.
 */
export interface FolderRuleContext {
  home: string;
  dataDir: string;
  platform: string;
}

const POSIX_SYSTEM = [
  '/etc',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/var',
  '/run',
  '/root',
  '/opt',
  '/snap',
  '/srv',
  '/System',
  '/Library',
  '/private',
  '/Applications',
  '/Volumes/Macintosh HD',
];
const WINDOWS_SYSTEM = [
  'C:\\Windows',
  'C:\\Program Files',
  'C:\\Program Files (x86)',
  'C:\\ProgramData',
  'C:\\$Recycle.Bin',
  'C:\\System Volume Information',
];
/** The one folder of the data folder that holds workspaces; the rest is Lantern's state and secrets. */
const DATA_WORKSPACES = 'workspaces';

const windows = (context: FolderRuleContext) => context.platform === 'win32';
const split = (p: string, context: FolderRuleContext) =>
  (windows(context) ? p.replace(/\//g, '\\').toLowerCase() : p)
    .split(windows(context) ? '\\' : '/')
    .filter(Boolean);

/** Whether `child` is `parent` or inside it (both absolute and resolved). */
export function isInside(
  parent: string,
  child: string,
  context: Pick<FolderRuleContext, 'platform'>,
): boolean {
  const c = { home: '', dataDir: '', platform: context.platform };
  const a = split(parent, c);
  const b = split(child, c);
  return a.length <= b.length && a.every((part, index) => part === b[index]);
}

/**
 * Why a folder may not be a workspace, in plain words; undefined when it may. The rules: never
 * the file system's root or a system folder, never a dot-folder in the home folder (or the home
 * folder itself), never the data folder's secrets.
 */
export function workspaceFolderProblem(folder: string, context: FolderRuleContext): string | undefined {
  const parts = split(folder, context);
  const said = `"${folder}"`;
  if (parts.length === 0 || (windows(context) && parts.length === 1))
    return `${said} is the root of the disk; Lantern does not use it as a workspace. Pick or make a folder of its own.`;
  const system = (windows(context) ? WINDOWS_SYSTEM : POSIX_SYSTEM).find((s) => isInside(s, folder, context));
  if (system)
    return `${said} is in the system folder ${system}, which Lantern never reads or writes as a workspace. Pick a folder in your home folder.`;
  if (isInside(context.dataDir, folder, context)) {
    const inner = parts.slice(split(context.dataDir, context).length);
    if (inner.length < 2 || inner[0] !== DATA_WORKSPACES)
      return `${said} is Lantern's data folder or holds its secrets (vault, credentials) and state; it cannot be a workspace. Pick a folder inside its workspaces/ folder or in your home folder.`;
  }
  if (isInside(context.home, folder, context)) {
    const inner = parts.slice(split(context.home, context).length);
    if (inner.length === 0)
      return `${said} is your home folder itself; Lantern would read every file in it. Pick or make a folder inside it.`;
    if (inner.some((part) => part.startsWith('.')) && !isInside(context.dataDir, folder, context))
      return `${said} is inside a hidden folder of your home folder (${inner.find((p) => p.startsWith('.'))}), where programs keep keys and settings; Lantern does not use it as a workspace. Pick a folder that is not hidden.`;
  }
  return undefined;
}
