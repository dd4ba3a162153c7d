/**
 * The audit's probes (issue 16 §1), replayed against the real browser-mode host with its token:
 * a token holder, or a script in the page, must not make Lantern read or write a file the user
 * never chose. Each probe is refused with a plain message, nothing reaches the server it names,
 * nothing is written, and a file that exists is answered exactly as one that does not.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../services/create-services';
import { startHttpServer, type RunningServer } from '../../test-support/servers';
import { startHost } from './server';

const token = 'c'.repeat(64);
const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-probes-'));
const services = createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });
let host: Awaited<ReturnType<typeof startHost>>;
let target: RunningServer;
/** Every request the probes' target server received: there must be none. */
const received: string[] = [];

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'lantern-probes-renderer-'));
  host = await startHost({ handlers: services.handlers, rendererDir, token });
  target = await startHttpServer((req, res) => {
    received.push(`${req.method ?? ''} ${req.url ?? ''}`);
    res.end('{}');
  });
});
afterAll(async () => {
  await Promise.all([host.close(), target.close(), services.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** One call as a token holder makes it: over HTTP to the host, with the launch token. */
async function probe(name: string, input: unknown): Promise<Answer> {
  const response = await request(`http://127.0.0.1:${host.port}/api/call/${name}`, {
    method: 'POST',
    headers: {
      host: `127.0.0.1:${host.port}`,
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(input),
  });
  return (await response.body.json()) as Answer;
}

/** The refusal of a probe; fails the test when the call went through. */
async function refused(name: string, input: unknown): Promise<{ code: string; message: string }> {
  const answer = await probe(name, input);
  if (answer.ok) throw new Error(`${name} was not refused: ${JSON.stringify(answer.value)}`);
  return answer.error;
}

const home = homedir();
const existing = '/etc/passwd';
const missing = '/etc/lantern-no-such-file';
const sshKey = path.join(home, '.ssh', 'id_rsa');
const draft = (body: unknown, settings?: unknown) => ({
  method: 'POST',
  url: `${target.url}/collect`,
  headers: [],
  body,
  ...(settings ? { settings } : {}),
});
const endpoint = (settings: unknown) => ({ url: `${target.url}/graphql`, settings });
/** Plain words: says what was not done, why, and what to do; never a stack or a bare code. */
const plain = (message: string) => {
  expect(message).toMatch(/^[A-Z"]/);
  expect(message).not.toMatch(/\bat .*\.ts:\d+|ENOENT|EACCES/);
  expect(message.length).toBeGreaterThan(40);
};
/** The same answer for a file that exists and one that does not (the path itself aside). */
async function sameForExistingAndMissing(make: (file: string) => [string, unknown]) {
  const there = await refused(...make(existing));
  const absent = await refused(...make(missing));
  expect(absent.code).toBe(there.code);
  expect(absent.message.replaceAll(missing, '<file>')).toBe(there.message.replaceAll(existing, '<file>'));
  plain(there.message);
  return there;
}

describe('reads the user never chose are refused', () => {
  it('1. a binary body naming /etc/passwd is not sent', async () => {
    const error = await sameForExistingAndMissing((file) => [
      'send',
      { requestId: 'p1', draft: draft({ mode: 'binary', path: file }) },
    ]);
    expect(error).toEqual({
      code: 'file.not-granted',
      message: `Lantern did not read "${existing}" (the body): it reads only files you choose, or files inside the workspace's own folder, and this one is neither. Choose the file to allow it.`,
    });
  });

  it('2. a multipart file field naming ~/.ssh/id_rsa is not sent', async () => {
    const error = await refused('send', {
      requestId: 'p2',
      draft: draft({ mode: 'multipart', fields: [{ kind: 'file', name: 'key', path: sshKey }] }),
    });
    expect(error.code).toBe('file.not-granted');
    expect(error.message).toContain(`"${sshKey}" (form field 1 (key))`);
    await sameForExistingAndMissing((file) => [
      'send',
      {
        requestId: 'p2b',
        draft: draft({ mode: 'multipart', fields: [{ kind: 'file', name: 'f', path: file }] }),
      },
    ]);
  });

  it.each([
    ['caFile', 'the CA file'],
    ['clientCertFile', 'the client certificate'],
    ['clientKeyFile', 'the client key'],
  ])('3. send: the TLS %s answers the same whether the file exists or not', async (field, what) => {
    const error = await sameForExistingAndMissing((file) => [
      'send',
      { requestId: `p3-${field}`, draft: draft({ mode: 'none' }, { [field]: file }) },
    ]);
    expect(error.message).toContain(`(${what})`);
    // The send options' own TLS files pass the same gate.
    await sameForExistingAndMissing((file) => [
      'send',
      { requestId: `p3o-${field}`, draft: draft({ mode: 'none' }), options: { tls: { [field]: file } } },
    ]);
  });

  it('4. GraphQL introspection: the TLS files answer the same whether they exist or not', async () => {
    await sameForExistingAndMissing((file) => ['introspectSchema', { endpoint: endpoint({ caFile: file }) }]);
    await sameForExistingAndMissing((file) => [
      'introspectSchema',
      { endpoint: endpoint({ clientKeyFile: file }) },
    ]);
  });

  it('5. GraphQL operation registry: the TLS files answer the same whether they exist or not', async () => {
    await sameForExistingAndMissing((file) => [
      'fetchOperationRegistry',
      { endpoint: endpoint({ clientCertFile: file }) },
    ]);
  });

  it('6. inspectFile says nothing of /etc/shadow: not whether it exists, nor its size', async () => {
    const shadow = await refused('inspectFile', { ref: '/etc/shadow' });
    const nothing = await refused('inspectFile', { ref: '/etc/no-such-shadow' });
    expect(shadow).toEqual(nothing);
    expect(shadow).toEqual({
      code: 'file.not-granted',
      message: 'Lantern describes only files you chose on this computer. Choose the file.',
    });
    // The old input (a path) is no longer taken at all.
    expect((await refused('inspectFile', { path: '/etc/shadow' })).code).toBe('invalid-input');
  });

  it('7. loadSchemaFile reads no file in a home dot-folder, and quotes nothing of it', async () => {
    const bashrc = path.join(home, '.bashrc');
    const error = await refused('loadSchemaFile', { ref: bashrc });
    expect(error.code).toBe('file.not-granted');
    expect(error.message).toBe(
      `Lantern did not read "${bashrc}" (the schema file): it reads only files you choose, or files inside the workspace's own folder, and this one is neither. Choose the file to allow it.`,
    );
    await sameForExistingAndMissing((file) => ['loadSchemaFile', { ref: file }]);
  });

  it.each(['previewImport', 'importIntoWorkspace'])(
    '8–9. %s reads no file the user did not choose',
    async (name) => {
      const error = await sameForExistingAndMissing((file) => [name, { file }]);
      expect(error.message).toContain('(the import)');
      expect((await refused(name, { path: path.join(home, '.aws', 'credentials') })).code).toBe(
        'invalid-input',
      );
      // Pasted text is still taken.
      if (name === 'previewImport') {
        const pasted = await probe(name, { text: `curl ${target.url}/x` });
        expect(pasted).toMatchObject({ ok: true, value: { format: 'curl' } });
      }
    },
  );

  it('nothing reached the server the probes named', () => {
    expect(received).toEqual([]);
  });
});

describe('writes the user never chose are refused', () => {
  const victim = path.join(dataDir, 'victim');

  it('10. saveTextFile takes no path: a name only, and browser mode writes nothing itself', async () => {
    const error = await refused('saveTextFile', { path: path.join(home, '.bashrc'), text: 'evil' });
    expect(error.code).toBe('invalid-input');
    plain(error.message);
    const answer = await probe('saveTextFile', {
      suggestedName: '../../.ssh/authorized_keys',
      text: 'ssh-rsa AAAA',
    });
    expect(answer).toEqual({
      ok: true,
      value: {
        saved: false,
        downloads: [{ name: '_.._.ssh_authorized_keys', text: 'ssh-rsa AAAA', mimeType: 'text/plain' }],
      },
    });
  });

  it('11. saveBody takes no path, and browser mode has no save dialog', async () => {
    const bodyId = `b${'0'.repeat(24)}`;
    expect((await refused('saveBody', { bodyId, path: `${victim}/../../x` })).code).toBe('invalid-input');
    const error = await refused('saveBody', { bodyId, suggestedName: 'x' });
    plain(error.message);
  });

  it('12. saveSupportBundle takes no path; browser mode hands the text back', async () => {
    const request = { draft: draft({ mode: 'none' }), format: 'markdown' };
    expect((await refused('saveSupportBundle', { ...request, path: victim })).code).toBe('invalid-input');
    const answer = await probe('saveSupportBundle', request);
    expect(answer).toMatchObject({
      ok: true,
      value: { saved: false, downloads: [{ mimeType: 'text/markdown' }] },
    });
  });

  it('13. exportPostman takes no path, relative or absolute, and creates no folder', async () => {
    const error = await refused('exportPostman', { path: 'exports/new-folder/x.json' });
    expect(error.code).toBe('invalid-input');
    expect(existsSync(path.join(process.cwd(), 'exports'))).toBe(false);
  });

  it.each([
    ['/etc/lantern-workspace', 'system folder /etc'],
    ['/usr/local/lantern', 'system folder /usr'],
    [path.join(home, '.ssh', 'lantern'), 'hidden folder of your home folder'],
    [path.join(dataDir, 'vault-ws'), "Lantern's data folder"],
    [`${dataDir}/workspaces/../../../etc/x`, 'system folder /etc'],
  ])('14. createWorkspace makes no folder at %s', async (folder, why) => {
    const error = await refused('createWorkspace', { name: 'probe', path: folder });
    expect(error.code).toMatch(/^workspace\.folder-(refused|missing)$/);
    if (error.code === 'workspace.folder-refused') expect(error.message).toContain(why);
    plain(error.message);
    expect(existsSync(folder)).toBe(false);
  });

  it('14. openWorkspace opens no system or hidden folder', async () => {
    expect((await refused('openWorkspace', { path: '/etc' })).code).toBe('workspace.folder-refused');
    expect((await refused('openWorkspace', { path: dataDir })).message).toContain("Lantern's data folder");
  });

  it('nothing was written into the data folder but its own files', () => {
    expect(
      readdirSync(dataDir).filter(
        (name) =>
          !/^(grants\.json|vault.*|credentials.*|history|preferences.*|environments\.json|session\.json|\..*)$/.test(
            name,
          ),
      ),
    ).toEqual([]);
  });
});
