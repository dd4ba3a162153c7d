/**
 * `dispatch` returns `openWorkspace`'s view without parsing it again (SHAPED_OUTPUTS in
 * shared/dispatch.ts): the renderer must still receive only what the contract names. A workspace
 * holding every kind of file the format knows (requests of each body mode, hand-edited ones, one
 * refused, a folder's settings, an environment with a secret, credentials) is opened, and the
 * handler's own result must equal the contract's parse of it, key for key.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { calls } from '../../../shared/contract';
import { dispatch } from '../../../shared/dispatch';
import { createServices } from '../create-services';

const fixtures = fileURLToPath(new URL('../../../shared/workspace-format/fixtures/', import.meta.url));

let dataDir: string;
let workspaceDir: string;
let services: ReturnType<typeof createServices>;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-view-shape-'));
  workspaceDir = path.join(dataDir, 'workspace');
  services = createServices({
    mode: 'browser',
    version: 'test',
    dataDir,
    emit: () => undefined,
    workspaceSession: { watch: false, remember: false },
    allowedWorkspaces: [workspaceDir],
  });
});

afterEach(async () => {
  await services.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The fixture files laid out as a workspace: requests at the top and in a folder with settings. */
async function writeWorkspace(): Promise<void> {
  const admin = path.join(workspaceDir, 'admin');
  await mkdir(path.join(workspaceDir, 'environments'), { recursive: true });
  await mkdir(admin);
  const copy = (name: string, to: string) => copyFile(path.join(fixtures, name), to);
  await copy('lantern.workspace.yaml', path.join(workspaceDir, 'lantern.workspace.yaml'));
  await copy('staging.env.yaml', path.join(workspaceDir, 'environments', 'staging.env.yaml'));
  await copy('admin._folder.yaml', path.join(admin, '_folder.yaml'));
  for (const name of [
    'get-users',
    'create-user',
    'graphql-status',
    'upload',
    'merge-conflict',
    'unknown-mode',
  ])
    await copy(`${name}.request.yaml`, path.join(workspaceDir, `${name}.request.yaml`));
  for (const name of ['get-user-chain', 'get-users', 'create-user']) {
    // Hand-edited copies under new ids, in the folder.
    const text = await readFile(path.join(fixtures, `${name}.hand-edited.request.yaml`), 'utf8');
    await writeFile(path.join(admin, `${name}.request.yaml`), text.replace(/^id: (.*)$/m, 'id: $1_admin'));
  }
  // A file that is not YAML at all, and an unknown key Lantern keeps but does not show.
  await writeFile(path.join(workspaceDir, 'broken.request.yaml'), 'id: [unclosed\n');
  const extra = await readFile(path.join(fixtures, 'get-users.request.yaml'), 'utf8');
  await writeFile(
    path.join(admin, 'extra.request.yaml'),
    `${extra.replace(/^id: (.*)$/m, 'id: $1_extra')}x-internal: kept on disk only\n`,
  );
}

it("openWorkspace's view holds nothing the contract's schema would strip or change", async () => {
  await writeWorkspace();
  const raw = await services.handlers.openWorkspace({ path: workspaceDir });
  // The workspace is as rich as meant: both folders, each body mode, problems, an environment.
  expect(raw.root.folders.map((f) => f.name)).toHaveLength(1);
  expect(raw.root.requests.map((r) => r.draft.body.mode).sort()).toEqual(
    expect.arrayContaining(['graphql', 'json', 'multipart', 'none']),
  );
  expect(raw.root.folders[0]?.requests.length).toBeGreaterThanOrEqual(4);
  expect(raw.problems.length).toBeGreaterThanOrEqual(2);
  expect(raw.environments).toHaveLength(1);

  expect(calls.openWorkspace.output.parse(raw)).toStrictEqual(raw);
  const viaDispatch = await dispatch(services.handlers, 'openWorkspace', { path: workspaceDir });
  expect(viaDispatch.ok && viaDispatch.value).toStrictEqual(calls.openWorkspace.output.parse(raw));
  expect(JSON.stringify(raw)).not.toContain('x-internal');
});
