/**
 * The saved sample runs in the CLI: `lantern run <sample> --env Sandbox` passes while Lantern's
 * sandbox runs, with the environment and demo credentials the save wrote.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { dispatch } from '../../../shared/dispatch';
import { runCli } from '../../cli/run-cli';
import { createServices } from '../create-services';
import { keyFileProtector } from '../vault/key-file-protector';
import { Vault } from '../vault/vault';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-sample-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the saved sample workspace', () => {
  it('carries its Sandbox environment and credentials, and passes in lantern run', async () => {
    const dataDir = path.join(scratch, 'data');
    await Vault.open({ dir: dataDir, protector: keyFileProtector(dataDir) });
    const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
    try {
      const started = await dispatch(services.handlers, 'startSandbox', {});
      if (!started.ok) throw new Error(started.error.message);
      const saved = await dispatch(services.handlers, 'saveSampleWorkspace', {});
      if (!saved.ok) throw new Error(saved.error.message);
      const view = saved.value as WorkspaceView;
      expect(view.environments.map((e) => e.name)).toEqual(['Sandbox']);
      let out = '';
      const code = await runCli(['run', view.path, '--env', 'Sandbox', '--data-dir', dataDir], {
        out: (text) => (out += text),
        err: (text) => (out += text),
      });
      expect(out).toMatch(/\d+ passed, 0 failed of \d+/);
      expect(out).toContain('PASS  POST   Totara external API / Status');
      expect(code).toBe(0);
    } finally {
      await services.close();
    }
  }, 60_000);
});
