import { LanternError } from '../../../shared/model/result';
import { certificateFacts } from './tls-probe';
import type { CertificateFacts } from './tls-probe';

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

/** Certificates this computer does not trust: only these does a CA file (or trusting the CA) fix. */
const UNTRUSTED: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server uses a self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN:
    "the server's certificate chain ends in a self-signed CA that is not trusted here",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "the server's certificate is signed by a CA that is not trusted here (or the server omits the intermediate certificate)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "the server's certificate is signed by a CA that is not trusted here (often a company proxy or a private CA)",
};

/** The certificate a failed verification was about: Node attaches it to a host-name mismatch. */
function certificateIn(error: unknown): CertificateFacts | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const cert = (current as { cert?: unknown }).cert;
    if (typeof cert === 'object' && cert !== null) return certificateFacts(cert);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** An expired or not-yet-valid certificate: its dates explain it, and Node does not attach them. */
export function needsCertificateDates(error: unknown): boolean {
  return errorCodes(error).some((code) => code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID');
}

/**
 * Explains a failed send in plain words: what happened, why it usually happens,
 * and what to do. Never a stack trace. `proxy` (masked) is set when the request went through one.
 */
export function describeNetworkError(
  error: unknown,
  target: URL,
  timeoutMs: number,
  proxy?: string,
  /** The server's certificate, when Lantern could read it (its dates for an expired one). */
  certificate?: CertificateFacts,
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
  if (tls) return tlsError(tls, where, message, certificate ?? certificateIn(error), target.hostname);
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

const ONLY_FOR_TESTS =
  'Turning off certificate verification for this request gets past it, but only do that for a test server you trust, never with real credentials.';

function tlsError(
  code: string,
  where: string,
  message: string,
  certificate: CertificateFacts | undefined,
  host: string,
): LanternError {
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
  // A CA file cannot help with the next three: the certificate is trusted, but wrong.
  if (code === 'CERT_HAS_EXPIRED') {
    const on = certificate?.validTo ? ` on ${certificate.validTo}` : '';
    return new LanternError(
      'network.tls-expired',
      `The secure connection to ${where} failed (${code}): the server's certificate expired${on}. Adding a CA file cannot fix this: the site must renew its certificate. If it should still be valid, check this computer's date and time. ${ONLY_FOR_TESTS}`,
    );
  }
  if (code === 'CERT_NOT_YET_VALID') {
    const from = certificate?.validFrom ? ` until ${certificate.validFrom}` : ' yet';
    return new LanternError(
      'network.tls-not-yet-valid',
      `The secure connection to ${where} failed (${code}): the server's certificate is not valid${from}. Most likely this computer's date and time are behind: check them. If they are right, the site installed a certificate that starts later.`,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificate?.names.length ? certificate.names : undefined;
    return new LanternError(
      'network.tls-wrong-host',
      `The secure connection to ${where} failed (${code}): the server's certificate is for ${names ? names.join(', ') : 'other host names'}, not for ${host}. ${names ? `Use a host name the certificate names (e.g. https://${names[0]}/…), or` : 'Use the host name the site is published under, or'} ask the site to add ${host} to its certificate. A CA file cannot fix this.`,
    );
  }
  const untrusted = UNTRUSTED[code];
  if (untrusted) {
    return new LanternError(
      'network.tls-untrusted',
      `The secure connection to ${where} failed (${code}): ${untrusted}. If you trust this server (a test server, or your company's proxy or private CA), add its CA file in the TLS settings; otherwise do not send credentials there. ${ONLY_FOR_TESTS}`,
    );
  }
  return new LanternError(
    'network.tls',
    `The secure connection to ${where} failed (${code}): the server's certificate could not be verified (${message}). Check the URL's host; if the site uses a private CA, add its CA file in the TLS settings.`,
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
