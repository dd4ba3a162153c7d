import { readFile, stat } from 'node:fs/promises';
import { createSecureContext, rootCertificates } from 'node:tls';
import type { TlsOptions } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';

/** What undici's connector gets for TLS, and a key that names it for the agent cache. */
export interface TlsSettings {
  signature: string;
  connect: {
    rejectUnauthorized: boolean;
    ca?: string[];
    cert?: Buffer;
    key?: Buffer;
    passphrase?: string;
  };
}

const VERIFY: TlsSettings = { signature: 'verify', connect: { rejectUnauthorized: true } };
const NO_VERIFY: TlsSettings = { signature: 'no-verify', connect: { rejectUnauthorized: false } };

type FileRole = 'CA file' | 'client certificate' | 'client key';
const fileCache = new Map<string, { version: string; bytes: Buffer }>();

/**
 * Turns the request's TLS options into connector options. Without files this is synchronous
 * and free; with files it costs one async stat per file (so an edited file is picked up) and
 * reads a file only when it changed.
 */
export function tlsSettings(tls: TlsOptions | undefined): TlsSettings | Promise<TlsSettings> {
  if (!tls?.caFile && !tls?.clientCertFile && !tls?.clientKeyFile) {
    return tls?.verify === false ? NO_VERIFY : VERIFY;
  }
  return loadFiles(tls);
}

async function loadFiles(tls: TlsOptions): Promise<TlsSettings> {
  const certPath = tls.clientCertFile;
  // A PEM bundle may hold both the certificate and its key.
  const keyPath = tls.clientKeyFile ?? certPath;
  // One after the other, so a missing file is always reported under the same name (a bundle
  // used as both certificate and key is read once, as the certificate).
  const ca = tls.caFile ? await readCached(tls.caFile, 'CA file') : undefined;
  const cert = certPath ? await readCached(certPath, 'client certificate') : undefined;
  const key = keyPath === certPath ? cert : keyPath ? await readCached(keyPath, 'client key') : undefined;
  const connect: TlsSettings['connect'] = { rejectUnauthorized: tls.verify !== false };
  // Node's `ca` replaces the public roots; a user's CA file is meant to add to them.
  if (ca) connect.ca = [...rootCertificates, ca.bytes.toString('utf8')];
  if (cert && key) {
    connect.cert = cert.bytes;
    connect.key = key.bytes;
    if (tls.passphrase !== undefined) connect.passphrase = tls.passphrase;
  }
  const signature = JSON.stringify([
    connect.rejectUnauthorized,
    tls.caFile,
    ca?.version,
    certPath,
    cert?.version,
    keyPath,
    key?.version,
    tls.passphrase,
  ]);
  validate(connect, tls, signature);
  return { signature, connect };
}

async function readCached(path: string, role: FileRole): Promise<{ version: string; bytes: Buffer }> {
  try {
    const info = await stat(path);
    const version = `${info.mtimeMs}:${info.size}`;
    const cached = fileCache.get(path);
    if (cached?.version === version) return cached;
    const entry = { version, bytes: await readFile(path) };
    fileCache.set(path, entry);
    return entry;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read (permission denied)'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : `cannot be read (${code ?? String(error)})`;
    throw new LanternError(
      'tls.file',
      `The ${role} "${path}" ${why}. Check the path in the TLS settings of this request or environment, or remove it.`,
    );
  }
}

const validated = new Set<string>();

/** Parses the PEM files once, so a bad file or passphrase is reported before anything is sent. */
function validate(connect: TlsSettings['connect'], tls: TlsOptions, signature: string): void {
  if (validated.has(signature)) return;
  try {
    createSecureContext({
      ca: connect.ca,
      cert: connect.cert,
      key: connect.key,
      passphrase: connect.passphrase,
    });
  } catch (error) {
    throw badTlsFile(error, tls, connect.key);
  }
  validated.add(signature);
}

/**
 * A wrong passphrase usually fails as "bad decrypt", but about one time in 256 the garbage it
 * decrypts to passes the padding check and fails later, as an ASN.1 or decoder error.
 */
const DECRYPT_FAILED = /BAD_DECRYPT|bad decrypt|INTERRUPTED_OR_CANCELLED|bad password/i;
const GARBLED_KEY = /asn1|wrong tag|header too long|nested asn1|DECODER|unsupported/i;

function badTlsFile(error: unknown, tls: TlsOptions, key?: Buffer | string): LanternError {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  const encryptedKey = key !== undefined && /ENCRYPTED/.test(key.toString().slice(0, 4096));
  if (DECRYPT_FAILED.test(code + message) || (encryptedKey && GARBLED_KEY.test(code + message))) {
    return new LanternError(
      'tls.passphrase',
      `The client key "${tls.clientKeyFile ?? tls.clientCertFile}" could not be unlocked: ${tls.passphrase ? 'the passphrase is wrong' : 'it is encrypted and no passphrase was given'}. Enter its passphrase in the TLS settings.`,
    );
  }
  if (/KEY_VALUES_MISMATCH/i.test(code + message)) {
    return new LanternError(
      'tls.key-mismatch',
      `The client key "${tls.clientKeyFile}" does not belong to the client certificate "${tls.clientCertFile}". Pick the key that was generated with that certificate.`,
    );
  }
  return new LanternError(
    'tls.file',
    `A TLS file could not be used (${message}). The CA file, client certificate and key must be PEM files (text starting with "-----BEGIN"); convert DER or PKCS#12 files with openssl first.`,
  );
}
