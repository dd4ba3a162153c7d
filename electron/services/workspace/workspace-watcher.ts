import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isTempFile } from '../files/atomic-file';

/**
 * Watches a workspace folder and calls `onChange` once things have been quiet for `debounceMs`
 * (a `git pull` touches many files in a burst). macOS and Windows watch a whole tree natively;
 * on Linux Node emulates `recursive` in JavaScript and has missed events in new sub-folders, so
 * there each folder gets its own watcher and the set follows the tree after every reload.
 */
export class WorkspaceWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly recursive = process.platform === 'darwin' || process.platform === 'win32';

  constructor(
    private readonly root: string,
    private readonly onChange: () => void,
    private readonly debounceMs = 150,
  ) {}

  /** Watch exactly these folders (relative; '' is the workspace folder). */
  setDirectories(rels: Iterable<string>): void {
    if (this.closed) return;
    const wanted = this.recursive ? new Set(['']) : new Set(rels);
    for (const [rel, watcher] of this.watchers) {
      if (!wanted.has(rel)) {
        watcher.close();
        this.watchers.delete(rel);
      }
    }
    const first = this.watchers.size === 0;
    let added = false;
    for (const rel of wanted) {
      if (this.watchers.has(rel)) continue;
      try {
        const watcher = watch(path.join(this.root, rel), { recursive: this.recursive }, (_event, name) => {
          if (typeof name === 'string' && isTempFile(path.basename(name))) return;
          this.schedule();
        });
        // A watched folder removed by git is reported here; the reload drops its watcher.
        watcher.on('error', () => this.schedule());
        this.watchers.set(rel, watcher);
        added = true;
      } catch {
        // A folder that does not exist (yet): its parent's watcher reports when it appears.
      }
    }
    // Files written into a new folder before its watcher started would go unnoticed: look again.
    if (added && !first) this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, this.debounceMs);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
