import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

/**
 * Browser mode's door: the Host must be our loopback address (defeats DNS rebinding),
 * a foreign Origin is refused (no other site may call us), and API calls need the
 * per-launch token.
 */
export function checkHostAndOrigin(request: IncomingMessage, port: number): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (request.headers.host ?? '').toLowerCase();
  if (!allowedHosts.includes(host)) {
    return {
      allowed: false,
      status: 403,
      message: 'Refused: this server answers only to 127.0.0.1 or localhost.',
    };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`)) {
    return { allowed: false, status: 403, message: 'Refused: requests from other sites are not allowed.' };
  }
  return { allowed: true };
}

export function checkToken(request: IncomingMessage, token: string): GuardVerdict {
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return {
      allowed: false,
      status: 401,
      message:
        'Missing or wrong launch token. Open Lantern with the full URL it printed (it ends in #token=…).',
    };
  }
  return { allowed: true };
}
