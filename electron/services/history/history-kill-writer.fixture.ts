/**
 * A writer for the history kill-loop test: records entries into the history folder given as its
 * argument, three at a time as a busy app would, until it is killed. After each record() has
 * resolved (what a send waits for before it returns its result) it prints the entry's URL.
 */
import { HistoryStore } from './history-store';
import { makeDraft, makeExchange } from './test-fixtures';

const dir = process.argv[2] ?? '';
const run = process.argv[3] ?? '0';
const store = new HistoryStore({
  dir,
  segmentBytes: 64 * 1024,
  maxEntries: 1_000_000,
  maxTotalBytes: 1024 ** 3,
});
const body = JSON.stringify({ fill: 'x'.repeat(8 * 1024) });
let n = 0;
for (;;) {
  await Promise.all(
    [0, 1, 2].map(async () => {
      const url = `http://127.0.0.1:4000/run-${run}/entry-${(n += 1)}`;
      await store.record({ draft: makeDraft({ url }), exchange: makeExchange({ url, body }), secrets: [] });
      process.stdout.write(`${url}\n`);
    }),
  );
}
