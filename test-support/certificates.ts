/** Self-signed certificates for TLS tests, made with the openssl command. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Certificate {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

/** A self-signed certificate for 127.0.0.1 made with openssl; `passphrase` encrypts the key. */
export function makeCertificate(
  name: string,
  passphrase?: string,
  /** The names it covers (subjectAltName), e.g. `DNS:only.example,IP:127.0.0.2` for a wrong-host test. */
  altNames = 'IP:127.0.0.1,DNS:localhost',
): Certificate {
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
    `subjectAltName=${altNames}`,
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

/** A self-signed certificate for 127.0.0.1 that expired a day ago (openssl x509 -days -1). */
export function makeExpiredCertificate(name: string): Certificate {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-tls-'));
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  const csrPath = path.join(dir, `${name}.csr`);
  const extPath = path.join(dir, `${name}.ext`);
  writeFileSync(extPath, 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=127.0.0.1/O=${name}`,
    '-keyout',
    keyPath,
    '-out',
    csrPath,
  ]);
  run([
    'x509',
    '-req',
    '-in',
    csrPath,
    '-signkey',
    keyPath,
    '-days',
    '-1',
    '-extfile',
    extPath,
    '-out',
    certPath,
  ]);
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
