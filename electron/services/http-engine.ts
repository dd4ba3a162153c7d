import { Agent, request as undiciRequest } from 'undici';
import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CallOutput, CallParsedInput, EmitEvent } from '../../shared/contract';
import type { SendOptions } from '../../shared/model/request';
import type { Exchange } from '../../shared/model/response';
import { LanternError } from '../../shared/model/result';
import type { PreparedRequest } from './request-builder';
import { bodyToText, decodeStream } from './response-body';
import { cancelledError, describeNetworkError, timeoutError } from './network-errors';

export interface HttpEngineOptions {
  emit?: EmitEvent;
  /** Bodies longer than this are cut in the inline copy sent to the renderer. */
  maxInlineBytes?: number;
}

const PROGRESS_EVERY_BYTES = 1 << 20;

/** The main side's HTTP client: sends drafts with undici, times them, and can cancel them. */
export function createHttpEngine({ emit, maxInlineBytes = 32 * 1024 * 1024 }: HttpEngineOptions = {}) {
  const inflight = new Map<string, AbortController>();
  const agents = new Map<number, Agent>();
  const agentFor = (connectTimeoutMs: number): Agent => {
    let agent = agents.get(connectTimeoutMs);
    if (!agent) {
      agent = new Agent({ connect: { timeout: connectTimeoutMs }, headersTimeout: 0, bodyTimeout: 0 });
      agents.set(connectTimeoutMs, agent);
    }
    return agent;
  };

  /** Sends a prepared request; the exchange records exactly what went out (secrets not yet masked). */
  async function execute(
    requestId: string,
    prepared: PreparedRequest,
    options: SendOptions,
  ): Promise<Exchange> {
    if (inflight.has(requestId)) {
      throw new LanternError(
        'busy',
        'A request with this id is already in flight. Cancel it or wait for it to finish.',
      );
    }
    const controller = new AbortController();
    inflight.set(requestId, controller);
    const timer = setTimeout(() => controller.abort(new TimeoutSignal()), options.timeoutMs);
    const startedAt = new Date().toISOString();
    const start = performance.now();
    const where = prepared.url.host;
    try {
      const response = await undiciRequest(prepared.url, {
        method: prepared.method,
        headers: prepared.headers.flat(),
        body: prepared.body,
        signal: controller.signal,
        dispatcher: agentFor(options.connectTimeoutMs),
      });
      const firstByte = performance.now();
      const headers = headerPairs(response.headers);
      const contentType = headerValue(headers, 'content-type') ?? '';
      const decoded = decodeStream(response.body, headerValue(headers, 'content-encoding'));
      const chunks: Buffer[] = [];
      let kept = 0;
      let received = 0;
      let nextProgress = PROGRESS_EVERY_BYTES;
      for await (const chunk of decoded as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (kept < maxInlineBytes) {
          const piece =
            kept + chunk.length > maxInlineBytes ? chunk.subarray(0, maxInlineBytes - kept) : chunk;
          chunks.push(piece);
          kept += piece.length;
        }
        if (emit && received >= nextProgress) {
          emit('sendProgress', { requestId, receivedBytes: received });
          nextProgress = received + PROGRESS_EVERY_BYTES;
        }
      }
      const end = performance.now();
      const body = bodyToText(Buffer.concat(chunks, kept), contentType);
      const exchange: Exchange = {
        requestId,
        request: { method: prepared.method, url: prepared.url.toString(), headers: prepared.headers },
        response: {
          status: response.statusCode,
          statusText: STATUS_CODES[response.statusCode] ?? '',
          headers,
          body: { ...body, truncated: received > kept, contentType },
          bodyBytes: received,
        },
        timings: { firstByteMs: firstByte - start, downloadMs: end - firstByte, totalMs: end - start },
        startedAt,
      };
      return exchange;
    } catch (error) {
      if (controller.signal.aborted) {
        throw controller.signal.reason instanceof TimeoutSignal
          ? timeoutError(where, options.timeoutMs)
          : cancelledError();
      }
      if (error instanceof LanternError) throw error;
      throw describeNetworkError(error, prepared.url, options.timeoutMs);
    } finally {
      clearTimeout(timer);
      inflight.delete(requestId);
    }
  }

  function cancel({ requestId }: CallParsedInput<'cancel'>): Promise<CallOutput<'cancel'>> {
    const controller = inflight.get(requestId);
    controller?.abort(new Error('cancelled by the user'));
    return Promise.resolve({ cancelled: Boolean(controller) });
  }

  async function close(): Promise<void> {
    for (const controller of inflight.values()) controller.abort(new Error('shutting down'));
    await Promise.all([...agents.values()].map((agent) => agent.close()));
  }

  return { execute, cancel, close };
}

class TimeoutSignal extends Error {
  constructor() {
    super('total timeout');
  }
}

function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
}

function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}
