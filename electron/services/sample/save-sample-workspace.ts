import path from 'node:path';
import type { WorkspaceView } from '../../../shared/calls/workspace-calls';
import { inspectFolder } from '../workspace/index';
import { sampleRequests } from './sample-requests';
import type { WorkspaceSession } from '../workspace/workspace-session';

export const SAMPLE_WORKSPACE_NAME = 'Sample API';

/**
 * The built-in sample requests as a real workspace in `<data dir>/workspaces/sample-api`, one
 * folder per API. They keep using the sandbox's `{{base}}` environment and its credentials, which
 * "Open the sample API" registers. A sample workspace saved before is opened, not written again.
 */
export async function saveSampleWorkspace(session: WorkspaceSession): Promise<WorkspaceView> {
  const dir = session.defaultPath(SAMPLE_WORKSPACE_NAME);
  if ((await inspectFolder(dir)).kind === 'workspace') return session.open(dir);
  await session.create(SAMPLE_WORKSPACE_NAME, dir);
  const store = session.store;
  const folders = new Map<string, string>();
  for (const sample of sampleRequests()) {
    let folderId = folders.get(sample.group);
    if (folderId === undefined) {
      folderId = (await store.createFolder(store.workspace.root.id, { name: sample.group })).id;
      folders.set(sample.group, folderId);
    }
    await store.createRequest(folderId, {
      id: `sample-${sample.id}`,
      name: sample.name,
      description: sample.description,
      draft: sample.draft,
      inheritAuth: true,
    });
  }
  return session.open(path.resolve(dir));
}
