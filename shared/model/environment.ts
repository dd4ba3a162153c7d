import { z } from 'zod';

export const environmentVariableSchema = z.object({
  name: z.string().min(1).max(256),
  /** For a secret variable this is a masked preview when it reaches the renderer. */
  value: z.string(),
  secret: z.boolean().default(false),
});

export const environmentSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  variables: z.array(environmentVariableSchema),
});
export type EnvironmentSummary = z.infer<typeof environmentSummarySchema>;
