import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore } from './history-store';
import { makeDraft, makeExchange } from './test-fixtures';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-history-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A clock that moves one second per call, so entries have distinct, ordered times. */
function steppingClock(start = Date.parse('2025-03-01T09:00:00Z')) {
  let t = start;
  return () => new Date((t += 1000));
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

describe('HistoryStore', () => {
  it('records exchanges and failed sends and lists them newest first', async () => {
    const store = new HistoryStore({ dir: tempDir(), now: steppingClock() });
    store.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 }), secrets: [] });
    store.record({
      draft: makeDraft({ method: 'POST', url: 'http://127.0.0.1:1/x' }),
      environmentId: 'sandbox',
      error: { code: 'network.refused', message: 'Nothing is listening on 127.0.0.1:1.' },
      secrets: [],
    });
    store.record({ draft: makeDraft(), exchange: makeExchange({ status: 404 }), secrets: [] });
    const list = await store.list();
    expect(list.map((s) => s.status)).toEqual([404, null, 200]);
    expect(list[1]).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:1/x',
      statusText: '',
      environmentId: 'sandbox',
      error: { code: 'network.refused' },
    });
    expect(list[2]).toMatchObject({ url: 'http://127.0.0.1:4000/api/users', totalMs: 12, bodyBytes: 12 });
    expect(Date.parse(list[0]!.at)).toBeGreaterThan(Date.parse(list[1]!.at));
  });

  it('keeps the name that tells rows to one URL apart, and none when there is none', async () => {
    const store = new HistoryStore({ dir: tempDir(), now: steppingClock() });
    store.record({
      draft: makeDraft(),
      name: 'list_users',
      exchange: makeExchange({ status: 200 }),
      secrets: [],
    });
    store.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 }), secrets: [] });
    const list = await store.list();
    expect(list[1]?.name).toBe('list_users');
    expect(list[0]).not.toHaveProperty('name');
  });

  it('get returns the whole redacted entry, and a clear not-found error for unknown ids', async () => {
    const store = new HistoryStore({ dir: tempDir() });
    store.record({
      draft: makeDraft({ headers: [{ name: 'X-Trace', value: 'abc', enabled: true }] }),
      environmentId: 'sandbox',
      exchange: makeExchange({ body: '{"access_token":"tok-1234567890","expires_in":3600}' }),
      secrets: [],
    });
    const [summary] = await store.list();
    const entry = await store.get(summary!.id);
    expect(entry.summary).toEqual(summary);
    expect(entry.environmentId).toBe('sandbox');
    expect(entry.draft.url).toBe('{{base}}/api/users');
    expect(entry.draft.headers[0]?.value).toBe('abc');
    expect(entry.exchange?.response.body.text).toBe('{"access_token":"••••7890","expires_in":3600}');
    await expect(store.get('nope')).rejects.toMatchObject({
      code: 'history.not-found',
      message: expect.stringMatching(/no longer exists/),
    });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'history.not-found' });
  });

  it('leaves no trace of a secret in any file it writes', async () => {
    const dir = tempDir();
    const store = new HistoryStore({ dir });
    const canary = 'CANARY-s3cr3t-Zq9x';
    const draft = makeDraft({
      method: 'POST',
      url: `{{base}}/login?key=${canary}`,
      headers: [
        { name: 'Authorization', value: `Bearer ${canary}`, enabled: true },
        { name: 'X-Note', value: `see ${canary}`, enabled: false },
      ],
      body: { mode: 'json', text: JSON.stringify({ user: 'ann', secret: canary, password: 'pw' }) },
    });
    const exchange = makeExchange({
      url: `http://127.0.0.1:4000/login?key=${encodeURIComponent(canary)}&token=t0k3n-abcdef`,
      headers: [
        ['authorization', `Bearer ${canary}`],
        ['cookie', `sid=${canary}`],
      ],
      body: JSON.stringify({ echo: canary, refresh_token: 'rt-0987654321' }),
    });
    exchange.response.headers.push(['set-cookie', 'sid=sess-5551234; Path=/; HttpOnly']);
    exchange.notes = [`Redirected with ${canary}`];
    store.record({ draft, exchange, secrets: [canary] });
    store.record({
      draft: makeDraft({
        body: { mode: 'form-urlencoded', fields: [{ name: 'x', value: canary, enabled: true }] },
      }),
      error: { code: 'network.refused', message: `Could not reach ${canary}.example` },
      secrets: [canary],
    });
    const binary = makeExchange();
    binary.response.body = {
      text: Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(canary), Buffer.from([255])]).toString(
        'base64',
      ),
      encoding: 'base64',
      truncated: false,
      contentType: 'application/octet-stream',
    };
    store.record({ draft: makeDraft(), exchange: binary, secrets: [canary] });
    await store.flush();

    const files = allFiles(dir);
    // The index and the segment holding the three entries.
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(canary), file).toBe(false);
      expect(bytes.includes(encodeURIComponent(canary)), file).toBe(false);
      for (const named of ['t0k3n-abcdef', 'rt-0987654321', 'sess-5551234'])
        expect(bytes.includes(named)).toBe(false);
    }
    const [binaryEntry, , entry] = await Promise.all((await store.list()).map((s) => store.get(s.id)));
    expect(entry?.draft.headers[0]?.value).toBe('Bearer ••••Zq9x');
    expect(JSON.parse((entry?.draft.body as { text: string }).text)).toEqual({
      user: 'ann',
      secret: '••••Zq9x',
      password: '••••',
    });
    expect(entry?.exchange?.response.headers).toContainEqual([
      'set-cookie',
      'sid=••••1234; Path=/; HttpOnly',
    ]);
    expect(Buffer.from(binaryEntry!.exchange!.response.body.text, 'base64').toString('utf8')).toContain(
      '••••Zq9x',
    );
  });

  it('evicts the oldest entries, files included, beyond the entry cap', async () => {
    const dir = tempDir();
    // One entry per segment: a segment whose entries are all evicted is removed.
    const store = new HistoryStore({ dir, maxEntries: 3, segmentBytes: 1, now: steppingClock() });
    for (let i = 0; i < 5; i++)
      await store.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 + i }), secrets: [] });
    const list = await store.list();
    expect(list.map((s) => s.status)).toEqual([204, 203, 202]);
    await store.flush();
    const texts = readdirSync(path.join(dir, 'entries')).map((n) =>
      readFileSync(path.join(dir, 'entries', n), 'utf8'),
    );
    expect(texts).toHaveLength(3);
    for (const s of list) expect(texts.some((t) => t.includes(s.id))).toBe(true);
  });

  it('evicts the oldest entries beyond the total size cap, and drops bodies over the body cap', async () => {
    const dir = tempDir();
    const store = new HistoryStore({
      dir,
      maxTotalBytes: 6_000,
      maxBodyBytes: 2_000,
      segmentBytes: 1,
      now: steppingClock(),
    });
    const body = JSON.stringify({ data: 'x'.repeat(1_500) });
    for (let i = 0; i < 6; i++)
      await store.record({ draft: makeDraft(), exchange: makeExchange({ body }), secrets: [] });
    await store.record({
      draft: makeDraft(),
      exchange: makeExchange({ body: 'y'.repeat(5_000) }),
      secrets: [],
    });
    const list = await store.list();
    expect(list.length).toBeLessThan(7);
    await store.flush();
    const sizes = readdirSync(path.join(dir, 'entries')).map(
      (n) => statSync(path.join(dir, 'entries', n)).size,
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6_000);
    const newest = await store.get(list[0]!.id);
    expect(newest.summary.bodyBytes).toBe(5_000);
    expect(newest.exchange?.response.body.text).toBe('');
    expect(newest.bodyNote).toBe('Response body not kept: 5 KB is over the 2 KB history limit.');
  });

  it('keeps an evicted entry out of the list and of a new start, within one segment too', async () => {
    const dir = tempDir();
    const store = new HistoryStore({ dir, maxEntries: 3, now: steppingClock() });
    for (let i = 0; i < 5; i++)
      store.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 + i }), secrets: [] });
    const all = await store.list();
    expect(all.map((s) => s.status)).toEqual([204, 203, 202]);
    await store.flush();
    const again = new HistoryStore({ dir, maxEntries: 3 });
    expect((await again.list()).map((s) => s.status)).toEqual([204, 203, 202]);
    expect(again.problems()).toEqual([]);
  });

  it('rebuilds a corrupt index from the entry files and says so', async () => {
    const dir = tempDir();
    const first = new HistoryStore({ dir, now: steppingClock() });
    for (let i = 0; i < 3; i++)
      first.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 + i }), secrets: [] });
    const before = await first.list();
    await first.flush();
    writeFileSync(path.join(dir, 'index.json'), '{"version":1,"entries":[{"summ');

    const second = new HistoryStore({ dir });
    expect(await second.list()).toEqual(before);
    expect(second.problems()).toEqual([
      { path: path.join(dir, 'index.json'), reason: expect.stringMatching(/not valid JSON.*rebuilt/) },
    ]);
    expect(readFileSync(path.join(dir, 'index.json.corrupt'), 'utf8')).toContain('summ');
    expect(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')).entries).toHaveLength(3);
  });

  it('skips and reports a corrupt entry without touching its file', async () => {
    const dir = tempDir();
    const first = new HistoryStore({ dir, now: steppingClock() });
    for (let i = 0; i < 3; i++)
      first.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 + i }), secrets: [] });
    const [newest, middle] = await first.list();
    await first.flush();
    const [name] = readdirSync(path.join(dir, 'entries'));
    const segment = path.join(dir, 'entries', name!);
    // The middle entry's line replaced by a line of the same length that is no entry.
    const lines = readFileSync(segment, 'utf8').split('\n');
    const at = lines.findIndex((line) => line.includes(middle!.id));
    lines[at] = '{"summary": {"id": 42}}'.padEnd(lines[at]!.length);
    const broken = lines.join('\n');
    writeFileSync(segment, broken);
    // An indexed but unreadable entry: listed (the index is trusted), reported when opened.
    await expect(first.get(middle!.id)).rejects.toMatchObject({ code: 'history.unreadable' });
    expect(first.problems()[0]).toMatchObject({
      path: segment,
      reason: expect.stringMatching(/not a history entry/),
    });

    // Without an index, the rebuild skips it and reports it.
    await rm(path.join(dir, 'index.json'));
    const second = new HistoryStore({ dir });
    expect((await second.list()).map((s) => s.id)).not.toContain(middle!.id);
    expect((await second.list())[0]?.id).toBe(newest!.id);
    expect(second.problems()).toEqual([
      { path: expect.stringContaining(segment), reason: expect.stringMatching(/not a history entry/) },
    ]);
    expect(readFileSync(segment, 'utf8')).toBe(broken);
  });

  it('reads, opens and deletes entries written one file each by earlier versions', async () => {
    const dir = tempDir();
    const first = new HistoryStore({ dir, now: steppingClock() });
    await first.record({ draft: makeDraft(), exchange: makeExchange({ status: 201 }), secrets: [] });
    await first.flush();
    const [name] = readdirSync(path.join(dir, 'entries'));
    const line = readFileSync(path.join(dir, 'entries', name!), 'utf8').trimEnd();
    const { id } = (JSON.parse(line) as { summary: { id: string } }).summary;
    await rm(path.join(dir, 'entries', name!));
    await rm(path.join(dir, 'index.json'));
    writeFileSync(path.join(dir, 'entries', `${id}.json`), line);

    const second = new HistoryStore({ dir, now: steppingClock(Date.parse('2025-03-02T00:00:00Z')) });
    await second.record({ draft: makeDraft(), exchange: makeExchange({ status: 202 }), secrets: [] });
    expect((await second.list()).map((s) => s.status)).toEqual([202, 201]);
    expect((await second.get(id)).summary.status).toBe(201);
    expect(await second.delete(id)).toBe(true);
    expect(readdirSync(path.join(dir, 'entries'))).not.toContain(`${id}.json`);
    expect((await second.list()).map((s) => s.status)).toEqual([202]);
  });

  it('ignores a last line cut short by a kill: no send returned with it', async () => {
    const dir = tempDir();
    const first = new HistoryStore({ dir, now: steppingClock() });
    await first.record({ draft: makeDraft(), exchange: makeExchange({ status: 201 }), secrets: [] });
    await first.flush();
    const [name] = readdirSync(path.join(dir, 'entries'));
    const segment = path.join(dir, 'entries', name!);
    writeFileSync(segment, `${readFileSync(segment, 'utf8')}{"summary":{"id":"0m7`);
    const second = new HistoryStore({ dir });
    expect((await second.list()).map((s) => s.status)).toEqual([201]);
    expect(second.problems()).toEqual([]);
  });

  it('writes the records that arrive while a write is in flight together, in one later write', async () => {
    const dir = tempDir();
    const store = new HistoryStore({ dir, now: steppingClock() });
    await store.flush();
    const order: string[] = [];
    const first = store
      .record({ draft: makeDraft(), exchange: makeExchange({ status: 200 }), secrets: [] })
      .then(() => order.push('first'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [201, 202, 203].map((status) =>
      store
        .record({ draft: makeDraft(), exchange: makeExchange({ status }), secrets: [] })
        .then(() => order.push(`${status}`)),
    );
    await Promise.all([first, ...later]);
    expect(order).toEqual(['first', '201', '202', '203']);
    // Each resolved promise means the entry is in the file already, before any flush.
    const [name] = readdirSync(path.join(dir, 'entries'));
    const lines = readFileSync(path.join(dir, 'entries', name!), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { summary: { status: number } }).summary.status)).toEqual(
      [200, 201, 202, 203],
    );
  });

  it('record() returns at once, before any file is written', async () => {
    const dir = tempDir();
    const store = new HistoryStore({ dir });
    await store.flush();
    const body = JSON.stringify({
      rows: Array.from({ length: 500 }, (_, i) => ({ i, token: `tok-${i}-abcdef` })),
    });
    let readSynchronously = false;
    const watched = new Proxy(makeExchange({ body }), {
      get(target, key, receiver) {
        readSynchronously = true;
        return Reflect.get(target, key, receiver);
      },
    });
    const written: Promise<string | undefined>[] = [];
    for (let i = 0; i < 20; i++)
      written.push(store.record({ draft: makeDraft(), exchange: watched, secrets: ['abcdef'] }));
    // record() only queued the work: it did not even look at the exchange, let alone write it.
    expect(readSynchronously).toBe(false);
    expect(readdirSync(path.join(dir, 'entries'))).toEqual([]);
    await Promise.all(written);
    expect(readSynchronously).toBe(true);
    expect(await store.list()).toHaveLength(20);
  });

  it('persists every one of many concurrent records', async () => {
    const dir = tempDir();
    const store = new HistoryStore({ dir });
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        // Real time: small, varied pauses make records arrive while earlier ones are being
        // written to real files, which is the interleaving this test is about.
        await new Promise((resolve) => setTimeout(resolve, i % 7));
        store.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 + i }), secrets: [] });
      }),
    );
    const list = await store.list();
    expect(list).toHaveLength(50);
    expect(new Set(list.map((s) => s.status)).size).toBe(50);
    await store.flush();
    expect(await new HistoryStore({ dir }).list()).toEqual(list);
  });

  it('a new store on the same folder sees the earlier entries', async () => {
    const dir = tempDir();
    const first = new HistoryStore({ dir, now: steppingClock() });
    first.record({ draft: makeDraft(), exchange: makeExchange({ status: 201 }), secrets: [] });
    first.record({ draft: makeDraft(), exchange: makeExchange({ status: 202 }), secrets: [] });
    await first.flush();
    const second = new HistoryStore({ dir, now: steppingClock(Date.parse('2025-03-02T00:00:00Z')) });
    second.record({ draft: makeDraft(), exchange: makeExchange({ status: 203 }), secrets: [] });
    expect((await second.list()).map((s) => s.status)).toEqual([203, 202, 201]);
    expect(second.problems()).toEqual([]);
  });

  it('deletes one entry and clears all', async () => {
    const dir = tempDir();
    const store = new HistoryStore({ dir, now: steppingClock() });
    for (let i = 0; i < 3; i++)
      store.record({ draft: makeDraft(), exchange: makeExchange({ status: 200 + i }), secrets: [] });
    const [, middle] = await store.list();
    expect(await store.delete(middle!.id)).toBe(true);
    expect(await store.delete(middle!.id)).toBe(false);
    expect((await store.list()).map((s) => s.status)).toEqual([202, 200]);
    await expect(store.get(middle!.id)).rejects.toMatchObject({ code: 'history.not-found' });
    await store.clear();
    expect(await store.list()).toEqual([]);
    expect(readdirSync(path.join(dir, 'entries'))).toEqual([]);
    expect(await new HistoryStore({ dir }).list()).toEqual([]);
  });
});
