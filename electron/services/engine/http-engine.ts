import { EventEmitter } from 'node:events';
import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { CallOutput, CallParsedInput, EmitEvent } from '../../../shared/contract';
import type { SendOptions } from '../../../shared/model/request';
import type { Exchange, RedirectHop, Timings } from '../../../shared/model/response';
import { sentBodyView } from './sent-body';
import { LanternError } from '../../../shared/model/result';
import type { PreparedRequest } from './request-builder';
import { bodyToText, charsetOf } from './response-body';
import { BodyStore } from './body-store';
import { cancelledError, describeNetworkError, needsCertificateDates, timeoutError } from './network-errors';
import { probeCertificate } from './tls-probe';
import type { CookieJar } from './cookie-jar';
import { Deadlines } from './deadlines';
import { DispatcherCache } from './dispatchers';
import { maskProxyUrl, resolveProxy, snapshotProxyEnv } from './proxy';
import { readBody } from './read-body';
import {
  isRedirect,
  planRedirect,
  tooManyRedirectsError,
  type Hop,
  type RedirectDecision,
} from './redirects';
import { connectionPhases, isoNow, tlsInfo, traced, type RequestTrace } from './timing';
import { flatten, headerPairs, headerValue, headerValues, withJarCookies } from './headers';
import { tlsSettings } from './tls-options';

export interface HttpEngineOptions {
  emit?: EmitEvent;
  /** Bodies longer than this are cut in the inline copy sent to the renderer. */
  maxInlineBytes?: number;
  /**
   * Where HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY are read (process.env unless given).
   * They are read once, when the engine is made, as curl reads them once at launch.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Where bodies larger than `storeAboveBytes` are streamed (a temporary folder unless given);
   * `false` keeps every body in memory, cut at maxInlineBytes.
   */
  bodyStore?: BodyStore | false;
  /** Bodies above this go to the body store: 2 MB unless given. */
  storeAboveBytes?: number;
  /** How much of a stored body the exchange carries inline as its preview: 64 KB unless given. */
  previewBytes?: number;
}

/** Per-call companions of a send that are not plain options. */
export interface ExecuteContext {
  /** The workspace's cookie jar: its cookies are sent, and Set-Cookie answers are stored in it. */
  jar?: CookieJar;
}

type Body = PreparedRequest['body'];

const PROGRESS_EVERY_BYTES = 1 << 20;
const DEFAULT_MAX_REDIRECTS = 10;
const NOT_A_REDIRECT: RedirectDecision<Body> = { follow: false };

/** The main side's HTTP client: sends drafts with undici, times them, and can cancel them. */
export function createHttpEngine({
  emit,
  maxInlineBytes = 32 * 1024 * 1024,
  env = process.env,
  bodyStore = new BodyStore(),
  storeAboveBytes = 2 * 1024 * 1024,
  previewBytes = 64 * 1024,
}: HttpEngineOptions = {}) {
  const proxyEnv = snapshotProxyEnv(env);
  const envHasProxy = Object.keys(proxyEnv).some((name) => !/^no_proxy$/i.test(name));
  const inflight = new Map<string, Cancellation>();
  const dispatchers = new DispatcherCache();
  const deadlines = new Deadlines();

  /**
   * Sends a prepared request, following redirects; the exchange records exactly what went out
   * (secrets not yet masked: the send pipeline masks them).
   */
  async function execute(
    requestId: string,
    prepared: PreparedRequest,
    options: SendOptions,
    { jar }: ExecuteContext = {},
  ): Promise<Exchange> {
    if (inflight.has(requestId)) {
      throw new LanternError(
        'busy',
        'A request with this id is already in flight. Cancel it or wait for it to finish.',
      );
    }
    const controller = new Cancellation();
    inflight.set(requestId, controller);
    const deadline = deadlines.add(options.timeoutMs, () => controller.abort(new TimeoutSignal()));
    const startedAt = isoNow();
    const start = performance.now();
    const limit = options.followRedirects === false ? 0 : (options.maxRedirects ?? DEFAULT_MAX_REDIRECTS);
    let hop: Hop<Body> = { ...prepared };
    let proxyUrl: string | undefined;
    try {
      const pendingTls = tlsSettings(options.tls);
      const tls = pendingTls instanceof Promise ? await pendingTls : pendingTls;
      const redirects: RedirectHop[] = [];
      const notes: string[] = [];
      let sent: [string, string][] | undefined;
      for (;;) {
        const proxy =
          options.proxy === undefined && !envHasProxy
            ? undefined
            : resolveProxy(hop.url, { setting: options.proxy, noProxy: options.noProxy, env: proxyEnv });
        proxyUrl = proxy?.url;
        const headers = jar ? withJarCookies(hop.headers, jar, hop.url) : hop.headers;
        sent ??= headers;
        const trace: RequestTrace = {};
        const hopStart = performance.now();
        const dispatcher = dispatchers.get(options.connectTimeoutMs, tls, proxy);
        // The dispatcher's own request(): what undici.request() calls after re-parsing the URL.
        const response = await traced(trace, () =>
          dispatcher.request({
            origin: hop.url.origin,
            path: `${hop.url.pathname}${hop.url.search}`,
            method: hop.method,
            headers: flatten(headers),
            body: hop.body,
            signal: controller,
          }),
        );
        const firstByte = performance.now();
        const responseHeaders = headerPairs(response.headers);
        if (jar) jar.setFromResponse(hop.url, headerValues(responseHeaders, 'set-cookie'));
        const decision = isRedirect(response.statusCode)
          ? planRedirect(hop, response.statusCode, headerValue(responseHeaders, 'location'))
          : NOT_A_REDIRECT;
        if (decision.follow && limit > 0) {
          await response.body.dump();
          if (redirects.length >= limit) throw tooManyRedirectsError(limit, decision.next.url);
          redirects.push({
            status: response.statusCode,
            method: hop.method,
            url: hop.url.href,
            location: decision.next.url.href,
            headers: responseHeaders,
          });
          notes.push(...decision.notes);
          hop = decision.next;
          continue;
        }
        if (decision.follow) {
          notes.push(
            `Redirects are off, so this is the ${response.statusCode} itself, pointing to ${decision.next.url.href}.`,
          );
        } else if (decision.note) notes.push(decision.note);

        const contentType = headerValue(responseHeaders, 'content-type') ?? '';
        const read = await readBody(response.body, {
          contentEncoding: headerValue(responseHeaders, 'content-encoding'),
          maxInlineBytes,
          progressEveryBytes: PROGRESS_EVERY_BYTES,
          onProgress: emit && ((receivedBytes) => emit('sendProgress', { requestId, receivedBytes })),
          spill: bodyStore
            ? {
                aboveBytes: storeAboveBytes,
                previewBytes: Math.min(previewBytes, maxInlineBytes),
                begin: () => bodyStore.begin(charsetOf(contentType)),
              }
            : undefined,
        });
        const end = performance.now();
        if (read.note) notes.push(read.note);
        const text = bodyToText(read.bytes, contentType, read.truncated);
        const sentBody = sentBodyView(prepared.body);
        if (text.note) notes.push(text.note);
        const timings: Timings = {
          firstByteMs: firstByte - start,
          downloadMs: end - firstByte,
          totalMs: end - start,
        };
        const phases = connectionPhases(trace.socket);
        if (phases) {
          timings.dnsMs = phases.dnsMs;
          timings.connectMs = phases.connectMs;
          if (phases.tlsMs !== undefined) timings.tlsMs = phases.tlsMs;
          timings.reusedConnection = phases.reused;
        }
        if (redirects.length > 0) timings.redirectMs = hopStart - start;
        const exchange: Exchange = {
          requestId,
          request: {
            method: prepared.method,
            url: prepared.url.toString(),
            headers: sent,
            ...(sentBody ? { body: sentBody } : {}),
          },
          response: {
            status: response.statusCode,
            statusText: STATUS_CODES[response.statusCode] ?? '',
            headers: responseHeaders,
            body: {
              text: text.text,
              encoding: text.encoding,
              truncated: read.truncated,
              contentType,
              ...(read.stored ? { stored: read.stored } : {}),
            },
            bodyBytes: read.bodyBytes,
            wireBytes: read.wireBytes,
          },
          timings,
          startedAt,
        };
        if (redirects.length > 0) {
          exchange.redirects = redirects;
          exchange.response.url = hop.url.href;
        }
        if (notes.length > 0) exchange.notes = notes;
        const session = hop.url.protocol === 'https:' ? tlsInfo(trace.socket) : undefined;
        if (session) exchange.tls = session;
        if (proxy) exchange.proxy = maskProxyUrl(proxy.url);
        return exchange;
      }
    } catch (error) {
      if (controller.aborted) {
        throw controller.reason instanceof TimeoutSignal
          ? timeoutError(hop.url.host, options.timeoutMs)
          : cancelledError();
      }
      if (error instanceof LanternError) throw error;
      // Through a proxy Lantern never reaches the server itself: no second look at its certificate.
      const certificate =
        !proxyUrl && needsCertificateDates(error) ? await probeCertificate(hop.url) : undefined;
      throw describeNetworkError(
        error,
        hop.url,
        options.timeoutMs,
        proxyUrl && maskProxyUrl(proxyUrl),
        certificate,
      );
    } finally {
      deadlines.cancel(deadline);
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
    deadlines.clear();
    await dispatchers.close();
    if (bodyStore) await bodyStore.close();
  }

  /** Large bodies of past responses; undefined when the engine keeps every body in memory. */
  const bodies = bodyStore || undefined;
  return { execute, cancel, close, bodies };
}

/**
 * undici accepts an EventEmitter as its abort signal; it is markedly cheaper per request than
 * an AbortController (an EventTarget), and the send path is benchmarked against raw undici.
 */
class Cancellation extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit('abort', reason);
  }
}

class TimeoutSignal extends Error {
  constructor() {
    super('total timeout');
  }
}
