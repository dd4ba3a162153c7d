/**
 * Secrets in CI (issue 15 §4b): a Postman collection whose bearer auth is `{{token}}` is imported
 * with the reference kept, and `lantern run` fills it from `--env-var` or `LANTERN_VAR_token` on a
 * machine with no vault. The token appears in no report and in no file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLanternCli } from '../../test-support/processes';
import { startSandbox, type RunningSandbox } from '../index';

let scratch: string;
let sandbox: RunningSandbox;
let workspace: string;
let dataDir: string;

const collection = (base: string) => ({
  info: { name: 'HR sync', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
  item: [
    {
      name: 'List users',
      request: { method: 'GET', url: `${base}/ihasco/users` },
      event: [
        {
          listen: 'test',
          script: { exec: ['pm.test("ok", function () { pm.response.to.have.status(200); });'] },
        },
      ],
    },
  ],
});

/** Every file under a folder, read as text. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(path.join(e.parentPath, e.name), 'latin1')),
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lantern-ci-secrets-'));
  sandbox = await startSandbox({ port: 0 });
  workspace = path.join(scratch, 'workspace');
  dataDir = path.join(scratch, 'data');
  const file = path.join(scratch, 'hr.postman_collection.json');
  await writeFile(file, JSON.stringify(collection(sandbox.url)));
  const imported = await runLanternCli(['import', file, '--into', workspace]);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('a Postman bearer {{token}} in CI', () => {
  it('keeps the reference on import: the workspace names the variable, not a missing secret', async () => {
    const text = (await filesUnder(workspace)).join('\n');
    expect(text).toContain('{{token}}');
  });

  it('runs with --env-var token=…, and the token is in no report and no file', async () => {
    const token = sandbox.credentials.ihasco.token;
    for (const reporter of ['text', 'json', 'junit']) {
      const run = await runLanternCli([
        'run',
        workspace,
        '--data-dir',
        dataDir,
        '--env-var',
        `token=${token}`,
        '--reporter',
        reporter,
      ]);
      expect(run.stderr, reporter).not.toContain(token);
      expect(run.stdout, reporter).not.toContain(token);
      expect(run.code, `${reporter}: ${run.stdout}${run.stderr}`).toBe(0);
    }
    for (const text of [...(await filesUnder(workspace)), ...(await filesUnder(dataDir))])
      expect(text).not.toContain(token);
  }, 90_000);

  it('runs with LANTERN_VAR_token, and fails plainly without any value', async () => {
    const token = sandbox.credentials.ihasco.token;
    const run = await runLanternCli(['run', workspace, '--data-dir', dataDir, '--reporter', 'json'], '', {
      LANTERN_VAR_token: token,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain(token);
    const bare = await runLanternCli(['run', workspace, '--data-dir', dataDir]);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toMatch(/\{\{token\}\}/);
  }, 60_000);
});
