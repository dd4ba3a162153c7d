import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test-support/temp-dirs';
import { WorkspaceRegistry } from './workspace-registry';

describe('WorkspaceRegistry', () => {
  it('adds, lists most recent first, updates and removes workspaces', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      let clock = Date.parse('2025-01-01T00:00:00Z');
      const registry = new WorkspaceRegistry(path.join(dir, 'app-data'), () => new Date((clock += 1000)));
      await registry.add('/work/a', 'A');
      await registry.add('/work/b', 'B');
      expect((await registry.list()).map((w) => w.name)).toEqual(['B', 'A']);
      await registry.add('/work/a/', 'A renamed');
      expect(await registry.list()).toEqual([
        { path: path.resolve('/work/a'), name: 'A renamed', lastOpened: '2025-01-01T00:00:03.000Z' },
        { path: path.resolve('/work/b'), name: 'B', lastOpened: '2025-01-01T00:00:02.000Z' },
      ]);
      await registry.remove('/work/b');
      expect((await new WorkspaceRegistry(path.join(dir, 'app-data')).list()).map((w) => w.name)).toEqual([
        'A renamed',
      ]);
      expect(await readdir(path.join(dir, 'app-data'))).toEqual(['workspaces.json']);
    } finally {
      await cleanup();
    }
  });

  it('keeps an unreadable list aside instead of losing it', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(path.join(dir, 'workspaces.json'), '{ not json');
      const registry = new WorkspaceRegistry(dir, () => new Date(42));
      expect(await registry.list()).toEqual([]);
      expect(registry.problem).toMatch(/could not be read.*kept as/);
      expect(await readFile(path.join(dir, 'workspaces.json.unreadable-42'), 'utf8')).toBe('{ not json');
    } finally {
      await cleanup();
    }
  });
});
