import { isIP } from 'node:net';
import { connect } from 'node:tls';
import type { PeerCertificate } from 'node:tls';

/** What a certificate says that explains a failed verification: its dates and the names it covers. */
export interface CertificateFacts {
  validFrom?: string;
  validTo?: string;
  /** DNS names and IP addresses of subjectAltName (the common name when there are none). */
  names: string[];
}

export function certificateFacts(cert: Partial<PeerCertificate> | undefined): CertificateFacts | undefined {
  if (!cert || Object.keys(cert).length === 0) return undefined;
  const names = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/, '').trim())
    .filter((name) => name !== '');
  const commonName = cert.subject?.CN;
  return {
    ...(cert.valid_from ? { validFrom: cert.valid_from } : {}),
    ...(cert.valid_to ? { validTo: cert.valid_to } : {}),
    names: names.length > 0 ? names : typeof commonName === 'string' ? [commonName] : [],
  };
}

/**
 * The server's certificate, read over a second connection that does not verify it. Node does not
 * hand the certificate over with CERT_HAS_EXPIRED, and its dates are what the user needs to know.
 * Undefined when it cannot be read in time: the explanation then says less, never something false.
 */
export function probeCertificate(url: URL, timeoutMs = 3_000): Promise<CertificateFacts | undefined> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
    });
    const done = (facts: CertificateFacts | undefined) => {
      socket.destroy();
      resolve(facts);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.once('secureConnect', () => done(certificateFacts(socket.getPeerCertificate())));
    socket.once('error', () => done(undefined));
  });
}
