/** Self-signed certificates for TLS tests, made with the openssl command. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Certificate {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

/** A self-signed certificate for 127.0.0.1 made with openssl; `passphrase` encrypts the key. */
export function makeCertificate(name: string, passphrase?: string): Certificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-tls-'));
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  const args = [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-days',
    '2',
    ...(passphrase ? ['-passout', `pass:${passphrase}`] : ['-nodes']),
    '-subj',
    `/CN=127.0.0.1/O=${name}`,
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ];
  try {
    execFileSync('openssl', args, { stdio: 'ignore' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      'openssl is not installed; TLS tests need it for their certificates (apt-get install openssl).',
    );
  }
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
