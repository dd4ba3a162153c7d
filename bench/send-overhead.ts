/**
 * send_overhead_ratio: what a user waits for on a small GET, through the app's real `send` call
 * (`dispatch`: input and output validation, {{variables}}, a bearer credential, the engine,
 * diagnosis, history on as in the app) against raw undici to the same loopback server, alternating.
 * Run standalone with `npx tsx bench/send-overhead.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { dispatch } from '../shared/dispatch';
import type { Exchange } from '../shared/model/response';
import { createServices } from '../electron/services/create-services';
import { median, round, smallJsonServer } from './engine-overhead';

const ROUNDS = 1_000;
const WARMUP = 300;

export async function sendOverhead(): Promise<Record<string, number>> {
  const server = await smallJsonServer();
  const { base } = server;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lantern-bench-send-'));
  const services = createServices({ mode: 'browser', version: 'bench', dataDir, emit: () => undefined });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await dispatch(services.handlers, name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    const environment = await call<{ id: string }>('saveEnvironment', {
      name: 'Bench',
      variables: [
        { name: 'base', value: base },
        { name: 'id', value: '42' },
      ],
    });
    const credential = await call<{ id: string }>('saveCredential', {
      kind: 'bearer',
      label: 'Bench token',
      fields: {},
      secret: 'bench-token-0123456789',
    });
    const draft = {
      method: 'GET',
      url: '{{base}}/small?id={{id}}',
      headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
      body: { mode: 'none' },
      auth: { type: 'bearer', credentialId: credential.id },
    };
    const options = { timeoutMs: 10_000, connectTimeoutMs: 5_000 };
    let id = 0;
    const viaSend = async () => {
      const start = performance.now();
      const exchange = await call<Exchange>('send', {
        requestId: `b${id++}`,
        draft,
        environmentId: environment.id,
        options,
      });
      if (exchange.response.status !== 200) throw new Error('send: unexpected status');
      return performance.now() - start;
    };
    const url = `${base}/small?id=42`;
    const viaUndici = async () => {
      const start = performance.now();
      const response = await request(url, {
        method: 'GET',
        headers: { accept: 'application/json', authorization: 'Bearer bench-token-0123456789' },
      });
      await response.body.text();
      if (response.statusCode !== 200) throw new Error('undici: unexpected status');
      return performance.now() - start;
    };
    for (let i = 0; i < WARMUP; i++) {
      await viaSend();
      await viaUndici();
    }
    const sendTimes: number[] = [];
    const undiciTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always runs on a just-warmed connection.
      if (i % 2) {
        sendTimes.push(await viaSend());
        undiciTimes.push(await viaUndici());
      } else {
        undiciTimes.push(await viaUndici());
        sendTimes.push(await viaSend());
      }
    }
    return {
      send_overhead_ratio: round(median(sendTimes) / median(undiciTimes), 3),
      send_small_get_median_ms: round(median(sendTimes), 4),
      send_undici_small_get_median_ms: round(median(undiciTimes), 4),
    };
  } finally {
    await services.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify({ ...(await sendOverhead()), loadavg: (await import('node:os')).loadavg()[0] }));
}
