import { subscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import { buildConnector } from 'undici';
import type { TlsInfo } from '../../../shared/model/response';

interface ConnectionTimings {
  dnsMs: number;
  connectMs: number;
  tlsMs?: number;
  /** Set once a request has reported these: later requests on the socket reused it. */
  claimed: boolean;
}

export interface ConnectionPhases {
  dnsMs: number;
  connectMs: number;
  tlsMs?: number;
  reused: boolean;
}

const connections = new WeakMap<object, ConnectionTimings>();

/**
 * undici's own connector, timed: the socket's `lookup`, `connect` and the connector's callback
 * (after the TLS handshake) split a new connection into DNS, TCP and TLS.
 */
export function timedConnector(options: buildConnector.BuildOptions): buildConnector.connector {
  const connect = buildConnector(options) as unknown as (
    ...args: Parameters<buildConnector.connector>
  ) => Socket | undefined;
  return (target, callback) => {
    const start = performance.now();
    let resolved: number | undefined;
    let connected: number | undefined;
    const socket = connect(target, (...args) => {
      const [error, ready] = args;
      if (!error && ready) {
        const end = performance.now();
        const dnsEnd = resolved ?? start;
        const tcpEnd = connected ?? end;
        connections.set(ready, {
          dnsMs: dnsEnd - start,
          connectMs: tcpEnd - dnsEnd,
          ...(target.protocol === 'https:' ? { tlsMs: end - tcpEnd } : {}),
          claimed: false,
        });
      }
      callback(...args);
    });
    socket?.once('lookup', () => (resolved = performance.now()));
    socket?.once('connect', () => (connected = performance.now()));
  };
}

/** What one engine request learns from undici's diagnostics channels. */
export interface RequestTrace {
  socket?: Socket;
}

let pending: RequestTrace | undefined;
const traces = new WeakMap<object, RequestTrace>();

// undici creates its Request synchronously inside `request()`, so the trace set just before
// the call is the one the next `undici:request:create` belongs to.
subscribe('undici:request:create', (message) => {
  if (!pending) return;
  traces.set((message as { request: object }).request, pending);
  pending = undefined;
});
subscribe('undici:client:sendHeaders', (message) => {
  const { request, socket } = message as { request: object; socket: Socket };
  const trace = traces.get(request);
  if (trace) trace.socket = socket;
});

/** Runs `start` (which must call undici synchronously) with `trace` attached to its request. */
export function traced<T>(trace: RequestTrace, start: () => T): T {
  pending = trace;
  try {
    return start();
  } finally {
    pending = undefined;
  }
}

/** The phases of the connection a request went over; zeros when it was reused. */
export function connectionPhases(socket: Socket | undefined): ConnectionPhases | undefined {
  const timings = socket && connections.get(socket);
  if (!timings) return undefined;
  if (timings.claimed) {
    return { dnsMs: 0, connectMs: 0, ...(timings.tlsMs !== undefined ? { tlsMs: 0 } : {}), reused: true };
  }
  timings.claimed = true;
  return { dnsMs: timings.dnsMs, connectMs: timings.connectMs, tlsMs: timings.tlsMs, reused: false };
}

/** The TLS session of a socket, for the exchange. */
export function tlsInfo(socket: Socket | undefined): TlsInfo | undefined {
  const tls = socket as TLSSocket | undefined;
  if (!tls?.encrypted) return undefined;
  const cert = tls.getPeerCertificate();
  const info: TlsInfo = { verified: tls.authorized };
  if (!tls.authorized && tls.authorizationError) info.verifyError = String(tls.authorizationError);
  const protocol = tls.getProtocol();
  if (protocol) info.protocol = protocol;
  const cipher = tls.getCipher()?.name;
  if (cipher) info.cipher = cipher;
  if (cert && Object.keys(cert).length > 0) {
    info.peerCertificate = {
      subject: distinguishedName(cert.subject),
      issuer: distinguishedName(cert.issuer),
      validTo: cert.valid_to,
    };
  }
  return info;
}

function distinguishedName(name: object | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

let isoSecond = -1;
let isoPrefix = '';
/** new Date().toISOString() costs ~2 µs; the second's prefix is reused (this is per request). */
export function isoNow(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== isoSecond) {
    isoSecond = second;
    isoPrefix = new Date(second * 1000).toISOString().slice(0, 19);
  }
  return `${isoPrefix}.${String(now % 1000).padStart(3, '0')}Z`;
}
