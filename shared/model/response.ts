import { z } from 'zod';
import { appliedAuthSchema } from './auth';

export const timingsSchema = z.object({
  /** Milliseconds from the start of the send to the response headers. */
  firstByteMs: z.number(),
  /** Milliseconds spent reading the body after the headers. */
  downloadMs: z.number(),
  totalMs: z.number(),
});

export const responseBodySchema = z.object({
  /** The decoded body as text (UTF-8), or base64 when it is binary. */
  text: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  /** True when the body was longer than the inline limit and was cut. */
  truncated: z.boolean(),
  contentType: z.string(),
});

export const exchangeSchema = z.object({
  requestId: z.string(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
  }),
  response: z.object({
    status: z.number().int(),
    statusText: z.string(),
    headers: z.array(z.tuple([z.string(), z.string()])),
    body: responseBodySchema,
    bodyBytes: z.number().int(),
  }),
  timings: timingsSchema,
  startedAt: z.string(),
  /** What Lantern did to authenticate; absent for requests without auth. */
  auth: appliedAuthSchema.optional(),
});
export type Exchange = z.infer<typeof exchangeSchema>;
