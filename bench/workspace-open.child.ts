/**
 * One cold open for the workspace benchmark: a fresh process builds the services as the app does
 * and times the `openWorkspace` call the renderer makes (`dispatch`: the session, the loader,
 * zod over every request). Prints `{ ms, problems }` as JSON. Used by bench/workspace.bench.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../shared/dispatch';
import type { WorkspaceView } from '../shared/calls/workspace-calls';
import { createServices } from '../electron/services/create-services';

const dir = process.argv[2] ?? '';
const dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-bench-open-'));
const services = createServices({
  mode: 'browser',
  version: 'bench',
  dataDir,
  emit: () => undefined,
  workspaceSession: { watch: false, remember: false },
});
try {
  // The vault and preferences load first, as they have by the time a person opens a workspace.
  await dispatch(services.handlers, 'listEnvironments', {});
  const start = performance.now();
  const opened = await dispatch(services.handlers, 'openWorkspace', { path: dir });
  const ms = performance.now() - start;
  if (!opened.ok) throw new Error(opened.error.message);
  const view = opened.value as WorkspaceView;
  process.stdout.write(
    `${JSON.stringify({ ms, problems: view.problems.length, first: view.problems[0] })}\n`,
  );
} finally {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
}
