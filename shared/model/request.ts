import { z } from 'zod';
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

export const requestBodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('json'), text: z.string() }),
  z.object({ mode: z.literal('raw'), text: z.string(), contentType: z.string().max(256) }),
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
});
export type RequestDraft = z.infer<typeof requestDraftSchema>;

export const sendOptionsSchema = z.object({
  timeoutMs: z.number().int().positive().max(3_600_000).default(30_000),
  connectTimeoutMs: z.number().int().positive().max(600_000).default(10_000),
});
export type SendOptions = z.infer<typeof sendOptionsSchema>;
