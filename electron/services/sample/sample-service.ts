import path from 'node:path';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import type { SampleWorkspace } from '../../../shared/model/sample';
import type { AuthContext } from '../auth/apply-auth';
import { inspectFolder, WorkspaceStore } from '../workspace/index';
import type { WorkspaceSession } from '../workspace/workspace-session';
import { SAMPLE_CREDENTIALS, sampleRequests } from './sample-requests';
import type { SandboxLauncher } from './sandbox-launcher';

export const SAMPLE_WORKSPACE_NAME = 'Sample API';
/** The saved sample's environment: `lantern run <sample> --env Sandbox`. */
export const SAMPLE_ENVIRONMENT_NAME = 'Sandbox';

/**
 * The sample API: the sandbox, and the sample requests saved as a real workspace in
 * `<data dir>/workspaces/sample-api`. A saved sample carries what `lantern run` needs: its
 * `Sandbox` environment (`base`, the sandbox's address) and the sandbox's demo credentials in the
 * vault. Both follow the sandbox each time Lantern starts it (its port is chosen at start).
 */
export function createSampleService(sandbox: SandboxLauncher, session: WorkspaceSession, auth: AuthContext) {
  const dir = () => session.defaultPath(SAMPLE_WORKSPACE_NAME);

  /** Writes `base` into the saved sample's Sandbox environment, and the demo credentials into the vault. */
  async function follow(sample: SampleWorkspace): Promise<void> {
    const base = sample.baseUrl.replace(/\/$/, '');
    const open = session.isOpen && path.resolve(session.store.dir) === path.resolve(dir());
    const store = open ? session.store : await WorkspaceStore.open(dir(), { watch: false });
    try {
      const existing = store.workspace.environments.find((e) => e.name === SAMPLE_ENVIRONMENT_NAME);
      const variables = [
        ...(existing?.variables.filter((v) => v.name !== 'base') ?? []),
        { name: 'base', value: base, secret: false },
      ];
      const current = existing?.variables.find((v) => v.name === 'base')?.value;
      if (current !== base)
        await store.saveEnvironment({
          ...(existing ? { id: existing.id } : {}),
          name: SAMPLE_ENVIRONMENT_NAME,
          variables,
        });
    } finally {
      if (!open) store.close();
    }
    if (open) session.registerEnvironments(session.store);
    for (const id of Object.values(SAMPLE_CREDENTIALS)) await auth.credentials.persist(id);
  }

  const saved = async () => (await inspectFolder(dir())).kind === 'workspace';

  return {
    /** Starts the sandbox; a saved sample is pointed at it. */
    async start(): Promise<SampleWorkspace> {
      const sample = await sandbox.start();
      if (await saved()) await follow(sample);
      return sample;
    },
    /** Saves the sample requests as a workspace (or opens the one saved before), ready for `lantern run`. */
    async save(): Promise<WorkspaceView> {
      const sample = await sandbox.start();
      if (!(await saved())) {
        await session.create(SAMPLE_WORKSPACE_NAME, dir());
        const store = session.store;
        const folders = new Map<string, string>();
        for (const request of sampleRequests()) {
          let folderId = folders.get(request.group);
          if (folderId === undefined) {
            folderId = (await store.createFolder(store.workspace.root.id, { name: request.group })).id;
            folders.set(request.group, folderId);
          }
          await store.createRequest(folderId, {
            id: `sample-${request.id}`,
            name: request.name,
            description: request.description,
            draft: request.draft,
            inheritAuth: true,
          });
        }
      }
      await session.open(path.resolve(dir()));
      await follow(sample);
      return session.view();
    },
  };
}
export type SampleService = ReturnType<typeof createSampleService>;
