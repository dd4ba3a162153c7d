import { z } from 'zod';

/**
 * The parts of a Postman collection v2.1 (and environment) file that Lantern reads. Loose on
 * purpose: Postman writes many optional fields and older exports vary, so unknown fields are
 * ignored and only the shapes we rely on are checked.
 */

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();

export const postmanDescriptionSchema = z
  .union([z.string(), z.looseObject({ content: z.string().optional() }), z.null()])
  .optional();

export const postmanPairSchema = z.looseObject({
  key: z.string().nullish(),
  value: scalar,
  type: z.string().optional(),
  disabled: z.boolean().optional(),
  description: postmanDescriptionSchema,
});
export type PostmanPair = z.infer<typeof postmanPairSchema>;

export const postmanFormFieldSchema = postmanPairSchema.extend({
  src: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  contentType: z.string().optional(),
});

/** `auth.bearer` etc. are `[{ key, value }]` in v2.1 and a plain object in v2.0. */
export const postmanAuthSchema = z.looseObject({ type: z.string() });
export type PostmanAuth = z.infer<typeof postmanAuthSchema> & Record<string, unknown>;

export const postmanUrlSchema = z.union([
  z.string(),
  z.looseObject({
    raw: z.string().optional(),
    protocol: z.string().optional(),
    host: z.union([z.string(), z.array(z.string())]).optional(),
    port: z.string().optional(),
    path: z
      .union([z.string(), z.array(z.union([z.string(), z.looseObject({ value: z.string() })]))])
      .optional(),
    query: z.array(postmanPairSchema).nullish(),
    variable: z.array(postmanPairSchema).optional(),
    hash: z.string().optional(),
  }),
]);
export type PostmanUrl = z.infer<typeof postmanUrlSchema>;

export const postmanBodySchema = z.looseObject({
  mode: z.string().optional(),
  raw: z.string().optional(),
  options: z.looseObject({ raw: z.looseObject({ language: z.string().optional() }).optional() }).optional(),
  urlencoded: z.array(postmanPairSchema).optional(),
  formdata: z.array(postmanFormFieldSchema).optional(),
  file: z.looseObject({ src: z.string().nullish(), content: z.string().optional() }).optional(),
  graphql: z.looseObject({ query: z.string().optional(), variables: z.string().optional() }).optional(),
  disabled: z.boolean().optional(),
});
export type PostmanBody = z.infer<typeof postmanBodySchema>;

export const postmanRequestSchema = z.union([
  z.string(),
  z.looseObject({
    method: z.string().optional(),
    header: z.union([z.array(postmanPairSchema), z.string()]).optional(),
    url: postmanUrlSchema.optional(),
    body: postmanBodySchema.nullish(),
    auth: postmanAuthSchema.nullish(),
    description: postmanDescriptionSchema,
  }),
]);

export const postmanEventSchema = z.looseObject({
  listen: z.string(),
  script: z.looseObject({ exec: z.union([z.array(z.string()), z.string()]).optional() }).optional(),
  disabled: z.boolean().optional(),
});
export type PostmanEvent = z.infer<typeof postmanEventSchema>;

export interface PostmanItem {
  id?: string | undefined;
  name?: string | undefined;
  description?: z.infer<typeof postmanDescriptionSchema>;
  item?: PostmanItem[] | undefined;
  request?: z.infer<typeof postmanRequestSchema> | undefined;
  response?: unknown[] | undefined;
  event?: PostmanEvent[] | undefined;
  auth?: PostmanAuth | null | undefined;
  variable?: PostmanPair[] | undefined;
}

export const postmanItemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    name: z.string().optional(),
    description: postmanDescriptionSchema,
    item: z.array(postmanItemSchema).optional(),
    request: postmanRequestSchema.optional(),
    response: z.array(z.unknown()).optional(),
    event: z.array(postmanEventSchema).optional(),
    auth: postmanAuthSchema.nullish(),
    variable: z.array(postmanPairSchema).optional(),
  }),
);

export const postmanCollectionSchema = z.looseObject({
  info: z.looseObject({
    _postman_id: z.string().optional(),
    name: z.string().optional(),
    schema: z.string().optional(),
    description: postmanDescriptionSchema,
  }),
  item: z.array(postmanItemSchema),
  auth: postmanAuthSchema.nullish(),
  event: z.array(postmanEventSchema).optional(),
  variable: z.array(postmanPairSchema).optional(),
});
export type PostmanCollection = z.infer<typeof postmanCollectionSchema>;

export const postmanEnvironmentSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  values: z.array(postmanPairSchema.extend({ enabled: z.boolean().optional() })),
  _postman_variable_scope: z.string().optional(),
});

export const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);

export function descriptionText(description: z.infer<typeof postmanDescriptionSchema>): string | undefined {
  const content = typeof description === 'string' ? description : description?.content;
  return content === undefined || content.trim() === '' ? undefined : content;
}
