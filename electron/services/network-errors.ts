import { LanternError } from '../../shared/model/result';

/** The error codes undici and Node attach, found on the error or on its cause chain. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/**
 * Explains a failed send in plain words: what happened, why it usually happens,
 * and what to do. Never a stack trace.
 */
export function describeNetworkError(error: unknown, target: URL, timeoutMs: number): LanternError {
  const codes = errorCodes(error);
  const where = `${target.hostname}:${target.port || (target.protocol === 'https:' ? '443' : '80')}`;
  const has = (code: string) => codes.includes(code);
  if (has('ECONNREFUSED')) {
    return new LanternError(
      'network.refused',
      `Could not connect to ${where}: the connection was refused. Nothing is listening on that port, or a firewall refused it. Check the host and port, and that the server is running.`,
    );
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN')) {
    return new LanternError(
      'network.dns',
      `The name "${target.hostname}" could not be found (DNS lookup failed). Check the spelling of the host, your network connection, or your VPN.`,
    );
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return new LanternError(
      'network.connect-timeout',
      `Connecting to ${where} took too long and was abandoned. The host may be down, or a firewall may be silently dropping the connection.`,
    );
  }
  const tls = codes.find(
    (code) => TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'),
  );
  if (tls) {
    return new LanternError(
      'network.tls',
      `The secure connection to ${where} failed (${tls}): the server's certificate could not be verified. If this is a test server with a self-signed certificate, trust its CA or turn off TLS verification for it; otherwise do not send credentials there.`,
    );
  }
  if (has('UND_ERR_HEADERS_TIMEOUT') || has('UND_ERR_BODY_TIMEOUT') || has('TimeoutError')) {
    return timeoutError(where, timeoutMs);
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('EPIPE')) {
    return new LanternError(
      'network.reset',
      `The connection to ${where} was closed by the other side before a full response arrived. The server may have crashed or a proxy may have cut the connection; try again, and check the server's logs.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LanternError(
    'network.failed',
    `The request to ${where} failed: ${message}${codes.length ? ` (${codes.join(', ')})` : ''}.`,
  );
}

export function timeoutError(where: string, timeoutMs: number): LanternError {
  return new LanternError(
    'network.timeout',
    `No complete response from ${where} within ${Math.round(timeoutMs / 1000)} s, so Lantern stopped waiting. The server may be slow or stuck; raise the timeout if this request is expected to take longer.`,
  );
}

export const cancelledError = (): LanternError =>
  new LanternError('cancelled', 'The request was cancelled before a response arrived.');
