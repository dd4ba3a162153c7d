import { z } from 'zod';
import { credentialSummarySchema } from './auth';
import { environmentSummarySchema } from './environment';
import { requestDraftSchema } from './request';

export const sampleRequestSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.string(),
  description: z.string(),
  draft: requestDraftSchema,
});
export type SampleRequest = z.infer<typeof sampleRequestSchema>;

/** The built-in sample: requests against the local sandbox API, its environment and credentials. */
export const sampleWorkspaceSchema = z.object({
  baseUrl: z.string(),
  environment: environmentSummarySchema,
  credentials: z.array(credentialSummarySchema),
  requests: z.array(sampleRequestSchema),
});
export type SampleWorkspace = z.infer<typeof sampleWorkspaceSchema>;
