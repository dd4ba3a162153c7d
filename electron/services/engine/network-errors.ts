import { LanternError } from '../../../shared/model/result';

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

/** Plain words for the certificate problems people meet, by OpenSSL/Node code. */
const TLS_WHY: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server uses a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN:
    "the server's certificate chain ends in a self-signed CA that is not trusted here",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "the server's certificate is signed by a CA that is not trusted here (or the server omits the intermediate certificate)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "the server's certificate is signed by a CA that is not trusted here (often a company proxy or a private CA)",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet (or this computer's clock is wrong)",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for a different host name",
};

/**
 * Explains a failed send in plain words: what happened, why it usually happens,
 * and what to do. Never a stack trace. `proxy` (masked) is set when the request went through one.
 */
export function describeNetworkError(
  error: unknown,
  target: URL,
  timeoutMs: number,
  proxy?: string,
): LanternError {
  const codes = errorCodes(error);
  const where = `${target.hostname}:${target.port || (target.protocol === 'https:' ? '443' : '80')}`;
  const has = (code: string) => codes.includes(code);
  const message = error instanceof Error ? error.message : String(error);
  if (proxy) {
    const proxyError = describeProxyError(codes, message, where, proxy);
    if (proxyError) return proxyError;
  }
  // undici checks header values before anything is sent: "invalid authorization header".
  const header = has('UND_ERR_INVALID_ARG') ? /^invalid (\S+) header$/.exec(message)?.[1] : undefined;
  if (header) {
    return new LanternError(
      'request.invalid-header-value',
      `Lantern could not send the ${header} header: its value holds a character a header may not contain. Most likely it is a line break (a token or a variable copied with its trailing newline), or another control character. Remove it from the header, the variable it uses or its credential; nothing was sent.`,
    );
  }
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
  if (tls) return tlsError(tls, where, message);
  if (has('UND_ERR_HEADERS_TIMEOUT') || has('UND_ERR_BODY_TIMEOUT') || has('TimeoutError')) {
    return timeoutError(where, timeoutMs);
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('EPIPE')) {
    return new LanternError(
      'network.reset',
      `The connection to ${where} was closed by the other side before a full response arrived. The server may have crashed or a proxy may have cut the connection; try again, and check the server's logs.`,
    );
  }
  return new LanternError(
    'network.failed',
    `The request to ${where} failed: ${message}${codes.length ? ` (${codes.join(', ')})` : ''}.`,
  );
}

function tlsError(code: string, where: string, message: string): LanternError {
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return new LanternError(
      'network.tls',
      `The secure connection to ${where} failed: the server did not answer in TLS. It probably speaks plain HTTP on that port; try http:// instead of https://.`,
    );
  }
  if (/CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA/.test(code)) {
    return new LanternError(
      'network.tls-client',
      `The server at ${where} refused the secure connection (${code}). It probably requires a client certificate, or does not accept the one given: set the client certificate and key in the TLS settings of this request or environment.`,
    );
  }
  const why = TLS_WHY[code] ?? `the server's certificate could not be verified (${message})`;
  return new LanternError(
    'network.tls',
    `The secure connection to ${where} failed (${code}): ${why}. If you trust this server (a test server, for instance), add its CA file in the TLS settings, or turn off certificate verification for this request or environment; otherwise do not send credentials there.`,
  );
}

function describeProxyError(
  codes: string[],
  message: string,
  where: string,
  proxy: string,
): LanternError | undefined {
  const status = /Proxy response \((\d+)\)|\((407)\)/.exec(message);
  const code = status?.[1] ?? status?.[2];
  if (code === '407') {
    return new LanternError(
      'proxy.auth',
      `The proxy ${proxy} asked for credentials (407 Proxy Authentication Required). Put them in the proxy address, as http://user:password@host:port.`,
    );
  }
  if (code) {
    return new LanternError(
      'proxy.refused',
      `The proxy ${proxy} would not open a connection to ${where} (it answered ${code}). The proxy may block that host, or could not reach it; check the host, or add it to NO_PROXY if it should be reached directly.`,
    );
  }
  // With a proxy, Lantern connects only to the proxy: these failures are about the proxy.
  if (codes.includes('ECONNREFUSED') || codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) {
    return new LanternError(
      'proxy.unreachable',
      `Could not reach the proxy ${proxy} (${codes.includes('ECONNREFUSED') ? 'connection refused' : 'its name could not be found'}). Check the proxy setting or the HTTPS_PROXY/HTTP_PROXY variables, or turn the proxy off.`,
    );
  }
  return undefined;
}

export function timeoutError(where: string, timeoutMs: number): LanternError {
  return new LanternError(
    'network.timeout',
    `No complete response from ${where} within ${Math.round(timeoutMs / 1000)} s, so Lantern stopped waiting. The server may be slow or stuck; raise the timeout if this request is expected to take longer.`,
  );
}

export const cancelledError = (): LanternError =>
  new LanternError('cancelled', 'The request was cancelled before a response arrived.');
