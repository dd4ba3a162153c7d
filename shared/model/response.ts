import { z } from 'zod';
import { assertionResultSchema, captureResultSchema } from '../assertions/model';
import { appliedAuthSchema } from './auth';
import { storedBodySchema } from './body';
import { findingSchema, rateLimitViewSchema } from './findings';

export const timingsSchema = z.object({
  /**
   * Name lookup, TCP connect and TLS handshake of the connection the final response came on.
   * 0 when that connection was reused (keep-alive); absent when unknown (e.g. through a proxy).
   */
  dnsMs: z.number().optional(),
  connectMs: z.number().optional(),
  tlsMs: z.number().optional(),
  /** Time spent on the hops before the final one, when redirects were followed. */
  redirectMs: z.number().optional(),
  /** True when the final request went over an already-open (keep-alive) connection. */
  reusedConnection: z.boolean().optional(),
  /** Milliseconds from the start of the send to the (final) response headers. */
  firstByteMs: z.number(),
  /** Milliseconds spent reading the body after the headers. */
  downloadMs: z.number(),
  totalMs: z.number(),
});
export type Timings = z.infer<typeof timingsSchema>;

export const responseBodySchema = z.object({
  /** The decoded body as text (UTF-8), or base64 when it is binary. */
  text: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  /** True when the body was longer than the inline limit and was cut. */
  truncated: z.boolean(),
  contentType: z.string(),
  /**
   * Set for a large body kept on the main side: `text` is then only its start (a preview), and
   * the rest is read in windows through `readBodyRows`, `searchBody`, `prettyBody` and `saveBody`.
   */
  stored: storedBodySchema.optional(),
});

/** One followed redirect: the request that was answered with a 3xx and where it pointed. */
export const redirectHopSchema = z.object({
  status: z.number().int(),
  method: z.string(),
  url: z.string(),
  /** The Location header resolved against `url`. */
  location: z.string(),
  /** That 3xx answer's headers (Set-Cookie included, values masked). Absent in older history. */
  headers: z.array(z.tuple([z.string(), z.string()])).optional(),
});

/**
 * The request body as sent, for the Timeline: text (the first 64 KB, secrets masked), or only the
 * size of binary data, or one line per multipart part (text, or a file's name, type and size).
 */
export const sentBodySchema = z.object({
  kind: z.enum(['text', 'binary', 'multipart']),
  text: z.string(),
  /** Bytes of the whole body (0 for multipart, whose size undici decides as it writes it). */
  bytes: z.number().int(),
  truncated: z.boolean(),
});
export type SentBody = z.infer<typeof sentBodySchema>;
export type RedirectHop = z.infer<typeof redirectHopSchema>;

export const tlsInfoSchema = z.object({
  /** False when verification was turned off and the certificate would not have passed. */
  verified: z.boolean(),
  /** Why verification failed, when it was off and failed (e.g. DEPTH_ZERO_SELF_SIGNED_CERT). */
  verifyError: z.string().optional(),
  protocol: z.string().optional(),
  cipher: z.string().optional(),
  peerCertificate: z.object({ subject: z.string(), issuer: z.string(), validTo: z.string() }).optional(),
});
export type TlsInfo = z.infer<typeof tlsInfoSchema>;

export const exchangeSchema = z.object({
  requestId: z.string(),
  /** The first request exactly as sent (cookies from the jar included). */
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    /** The body as sent (absent when there was none). */
    body: sentBodySchema.optional(),
  }),
  response: z.object({
    /** The URL that answered, when redirects led elsewhere than `request.url`. */
    url: z.string().optional(),
    status: z.number().int(),
    statusText: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    body: responseBodySchema,
    /** Bytes of the body after decoding (gzip, br, deflate). */
    bodyBytes: z.number().int(),
    /** Bytes of the body as received, before decoding. */
    wireBytes: z.number().int().optional(),
  }),
  timings: timingsSchema,
  startedAt: z.string(),
  /** Redirects followed before the final response, in order. */
  redirects: z.array(redirectHopSchema).optional(),
  /** Plain-words remarks on what happened (a POST turned into a GET, a body cut short…). */
  notes: z.array(z.string()).optional(),
  /** The TLS session of the final response, for https. */
  tls: tlsInfoSchema.optional(),
  /** The proxy the request went through, its password masked. */
  proxy: z.string().optional(),
  /** What Lantern did to authenticate; absent for requests without auth. */
  auth: appliedAuthSchema.optional(),
  /** What the diagnostics engine concluded (shared/diagnose), secrets masked. */
  findings: z.array(findingSchema).optional(),
  /** The rate-limit state of this host + credential after this response. */
  rateLimit: rateLimitViewSchema.optional(),
  /** The request's tests (its own and its folders'), checked against this response; secrets masked. */
  tests: z.array(assertionResultSchema).optional(),
  /** What its captures took from this response (secret values masked) or why they found nothing. */
  captures: z.array(captureResultSchema).optional(),
});
export type Exchange = z.infer<typeof exchangeSchema>;

/**
 * When the final response's headers arrived (epoch ms): the send's start plus the time to its
 * first byte. Undefined for an exchange without a readable start time.
 */
export function receivedAtOf(exchange: Pick<Exchange, 'startedAt' | 'timings'>): number | undefined {
  const started = Date.parse(exchange.startedAt);
  return Number.isFinite(started) ? started + exchange.timings.firstByteMs : undefined;
}
