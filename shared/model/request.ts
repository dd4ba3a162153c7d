import { z } from 'zod';
import { assertionSchema, captureSchema } from '../assertions/model';
import { requestAuthSchema } from './auth';

export const STANDARD_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** RFC 9110 token characters: a custom method or a header name must be made of these. */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const headerRowSchema = z.object({
  name: z.string().max(8_192),
  value: z.string().max(65_536),
  enabled: z.boolean().default(true),
});
export type HeaderRow = z.infer<typeof headerRowSchema>;

const keyValueRowSchema = z.object({
  name: z.string().max(8_192),
  value: z.string().max(1_048_576),
  enabled: z.boolean().default(true),
});
export type KeyValueRow = z.infer<typeof keyValueRowSchema>;

/** A file named by path: it is read on the main side only, never by the renderer. */
const filePathSchema = z.string().max(4_096);

export const multipartFieldSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    name: z.string().max(8_192),
    value: z.string(),
    enabled: z.boolean().default(true),
  }),
  z.object({
    kind: z.literal('file'),
    name: z.string().max(8_192),
    path: filePathSchema,
    contentType: z.string().max(256).optional(),
    enabled: z.boolean().default(true),
  }),
]);
export type MultipartField = z.infer<typeof multipartFieldSchema>;

export const requestBodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('json'), text: z.string().max(16_777_216) }),
  z.object({ mode: z.literal('raw'), text: z.string().max(16_777_216), contentType: z.string().max(256) }),
  z.object({ mode: z.literal('form-urlencoded'), fields: z.array(keyValueRowSchema).max(1_000) }),
  z.object({ mode: z.literal('multipart'), fields: z.array(multipartFieldSchema).max(1_000) }),
  z.object({ mode: z.literal('binary'), path: filePathSchema, contentType: z.string().max(256).optional() }),
  z.object({
    mode: z.literal('graphql'),
    query: z.string().max(8_388_608),
    /** The variables as JSON text, as typed in the Variables editor. */
    variables: z.string().max(8_388_608),
    operationName: z.string().max(256).optional(),
    /** Persisted-operation mode (Totara AJAX API): send only operationName and variables. */
    persisted: z.boolean().default(false),
  }),
]);
export type RequestBody = z.infer<typeof requestBodySchema>;

export const requestDraftSchema = z.object({
  method: z
    .string()
    .min(1, 'The method is empty: pick GET, POST or another method.')
    .max(64)
    .regex(HTTP_TOKEN, "A method may contain only letters, digits and !#$%&'*+-.^_`|~ (RFC 9110 token)."),
  url: z.string().max(65_536),
  headers: z.array(headerRowSchema).max(500),
  body: requestBodySchema,
  auth: requestAuthSchema.default({ type: 'none' }),
  /** Per-request transport settings (the Settings tab); absent fields take the defaults. */
  settings: z
    .object({
      /** TLS certificate verification; off only when the user turns it off for this request. */
      verifyTls: z.boolean().default(true),
      followRedirects: z.boolean().default(true),
      maxRedirects: z.number().int().min(0).max(100).default(10),
      timeoutMs: z.number().int().positive().max(3_600_000).default(30_000),
      /** Extra CA certificate (PEM) to trust, and a client certificate and key, by path. */
      caFile: z.string().max(4_096).optional(),
      clientCertFile: z.string().max(4_096).optional(),
      clientKeyFile: z.string().max(4_096).optional(),
    })
    .optional(),
  /** Query parameters switched off in the Params table: kept here, left out of the URL. */
  disabledParams: z
    .array(z.object({ name: z.string(), value: z.string(), index: z.number().int().min(0).max(10_000) }))
    .max(500)
    .optional(),
  /** Assertions checked after each response (the Tests tab); folders' rows are added when sent. */
  tests: z.array(assertionSchema).max(500).optional(),
  /** Values taken from each response into variables for later requests (chaining). */
  captures: z.array(captureSchema).max(200).optional(),
});
export type RequestDraft = z.infer<typeof requestDraftSchema>;

export const tlsOptionsSchema = z.object({
  /** Verify the server's certificate (on unless the user opts out for a request or environment). */
  verify: z.boolean().default(true),
  /** A PEM file of extra CAs to trust, on top of the usual public ones. */
  caFile: z.string().max(4_096).optional(),
  /** A PEM client certificate and its key, for servers that ask for one (mutual TLS). */
  clientCertFile: z.string().max(4_096).optional(),
  clientKeyFile: z.string().max(4_096).optional(),
  passphrase: z.string().max(1_024).optional(),
});
export type TlsOptions = z.infer<typeof tlsOptionsSchema>;

export const sendOptionsSchema = z.object({
  timeoutMs: z.number().int().positive().max(3_600_000).default(30_000),
  connectTimeoutMs: z.number().int().positive().max(600_000).default(10_000),
  /** Follow 3xx redirects (default true). */
  followRedirects: z.boolean().optional(),
  /** How many redirects to follow before giving up (default 10; 0 = do not follow). */
  maxRedirects: z.number().int().min(0).max(100).optional(),
  tls: tlsOptionsSchema.optional(),
  /**
   * The proxy from settings, e.g. http://user:pass@proxy:3128. Absent: HTTPS_PROXY/HTTP_PROXY
   * from the environment; an empty string: no proxy at all.
   */
  proxy: z.string().max(2_048).optional(),
  /** Hosts that bypass the proxy (NO_PROXY syntax); absent: NO_PROXY from the environment. */
  noProxy: z.string().max(8_192).optional(),
});
export type SendOptions = z.infer<typeof sendOptionsSchema>;
