/**
 * Run by atomic-write.test.ts as a separate process, which it kills with SIGKILL at random
 * moments: saves large requests (and renames them) in an endless loop.
 */
import { generationBody } from './test-support';
import { WorkspaceStore } from './workspace-store';

const dir = process.argv[2] ?? '';
const store = await WorkspaceStore.open(dir, { watch: false });
const requests = store.workspace.root.requests.map((request) => ({ id: request.id, draft: request.draft }));
const start = Date.now();
process.stdout.write('ready\n');
for (let generation = start; ; generation += 1) {
  for (const { id, draft } of requests) {
    await store.updateRequest(id, {
      name: `${id} ${generation % 3}`,
      draft: {
        ...draft,
        body: { mode: 'raw', text: generationBody(id, generation), contentType: 'text/plain' },
      },
    });
  }
}
