/**
 * engine_overhead_ratio: Lantern's engine against raw undici, 1,000 sequential small GETs each to
 * a loopback node:http server, interleaved so both see the same machine state.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { createHttpEngine } from '../electron/services/engine/http-engine';
import { prepareRequest } from '../electron/services/engine/request-builder';

const ROUNDS = 1_000;
const WARMUP = 300;
const BODY = JSON.stringify({ ok: true, id: 42, name: 'small' });

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** A node:http server on 127.0.0.1 answering every request with the same small JSON body. */
export async function smallJsonServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(BODY),
    });
    response.end(BODY);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function engineOverhead(): Promise<Record<string, number>> {
  const server = await smallJsonServer();
  const url = `${server.base}/small`;
  const engine = createHttpEngine({ env: {}, bodyStore: process.env.NOSTORE ? false : undefined });
  const prepared = await prepareRequest({
    method: 'GET',
    url,
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'none' },
  });
  const options = { timeoutMs: 10_000, connectTimeoutMs: 5_000 };
  let id = 0;
  const viaEngine = async () => {
    const start = performance.now();
    const exchange = await engine.execute(`b${id++}`, prepared, options);
    if (exchange.response.status !== 200) throw new Error('engine: unexpected status');
    return performance.now() - start;
  };
  const viaUndici = async () => {
    const start = performance.now();
    const response = await request(url, { method: 'GET' });
    await response.body.text();
    if (response.statusCode !== 200) throw new Error('undici: unexpected status');
    return performance.now() - start;
  };
  try {
    for (let i = 0; i < WARMUP; i++) {
      await viaEngine();
      await viaUndici();
    }
    const engineTimes: number[] = [];
    const undiciTimes: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always runs on a just-warmed connection.
      let engineMs: number;
      let undiciMs: number;
      if (i % 2) {
        engineMs = await viaEngine();
        undiciMs = await viaUndici();
      } else {
        undiciMs = await viaUndici();
        engineMs = await viaEngine();
      }
      engineTimes.push(engineMs);
      undiciTimes.push(undiciMs);
      ratios.push(engineMs / undiciMs);
    }
    return {
      engine_overhead_ratio: round(median(engineTimes) / median(undiciTimes), 3),
      engine_overhead_ratio_pairwise_median: round(median(ratios), 3),
      engine_small_get_median_ms: round(median(engineTimes), 4),
      undici_small_get_median_ms: round(median(undiciTimes), 4),
    };
  } finally {
    await engine.close();
    await server.close();
  }
}

export const round = (value: number, digits: number): number => Number(value.toFixed(digits));
