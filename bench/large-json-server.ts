/**
 * A loopback server that streams a generated JSON array of about `megabytes` MB, one record per
 * line, with `needle` in the last record. The whole body is never in memory: ~1 MB blocks are
 * written with backpressure. Used by the e2e suite and the benchmarks.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LargeJsonServer {
  /** URL of a body of about `megabytes` MB; `/minified…` on the same host serves it on one line. */
  url: string;
  needle: string;
  close: () => Promise<void>;
}

const BLOCK_RECORDS = 6_000;
const DISTINCT_BLOCKS = 16;

function record(id: number): string {
  return `{"id":${id},"name":"Learner ${id}","email":"learner.${id}@example.test","active":${id % 3 !== 0},"score":${(id % 1000) / 10},"tags":["course-${id % 97}","cohort-${id % 13}"],"completed":"2024-0${(id % 9) + 1}-1${id % 10}T08:30:00Z"}`;
}

/**
 * ~1 MB blocks of records, made once and then repeated: generating 100 MB of JSON text per
 * request would make the server, not Lantern, the slow part of the benchmark.
 */
function blocks(separator: string): Buffer[] {
  return Array.from({ length: DISTINCT_BLOCKS }, (_, block) => {
    const records = Array.from({ length: BLOCK_RECORDS }, (_, i) => record(block * BLOCK_RECORDS + i));
    return Buffer.from(records.join(`,${separator}`) + `,${separator}`);
  });
}

function stream(
  response: ServerResponse,
  targetBytes: number,
  needle: string,
  parts: Buffer[],
  separator: string,
) {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  let sent = 0;
  let next = 0;
  const write = (bytes: Buffer) => {
    sent += bytes.length;
    return response.write(bytes);
  };
  write(Buffer.from(`[${separator}`));
  const more = () => {
    while (sent < targetBytes) {
      if (!write(parts[next++ % parts.length] as Buffer)) return void response.once('drain', more);
    }
    response.end(`{"id":-1,"name":"The last learner","note":"${needle}"}${separator}]`);
  };
  more();
}

export async function startLargeJsonServer({
  megabytes = 100,
  needle = 'needle-7f3a9c',
}: { megabytes?: number; needle?: string } = {}): Promise<LargeJsonServer> {
  const target = megabytes * 1024 * 1024;
  const lines = blocks('\n');
  let minified: Buffer[] | undefined;
  const server = createServer((request, response) => {
    if (!request.url?.startsWith('/minified')) return stream(response, target, needle, lines, '\n');
    minified ??= blocks('');
    stream(response, target, needle, minified, '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/learners.json`,
    needle,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
