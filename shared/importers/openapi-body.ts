import type { HeaderRow, MultipartField, RequestBody } from '../model/request';
import type { ImportContext } from './import-context';
import { asText, schemaType, skeletonOf } from './openapi-skeleton';
import { firstExample, isJsonMediaType, isNode, node, nodes, textOf, type Node } from './openapi-source';

/** A request body as one media type of the description offers it. */
interface BodyOffer {
  mediaType: string;
  schema: Node | undefined;
  /** The media type's own example (3.x `example`/`examples`). */
  source: Node;
  /** 3.x multipart `encoding`: a part's content type marks a file. */
  encoding?: Node;
}

export interface ReadBody {
  body: RequestBody;
  headers: HeaderRow[];
}

const NONE: ReadBody = { body: { mode: 'none' }, headers: [] };

/** Which media type Lantern builds a body for when the description offers several. */
function rank(type: string): number {
  if (isJsonMediaType(type)) return 0;
  if (type === 'application/x-www-form-urlencoded') return 1;
  if (type === 'multipart/form-data') return 2;
  if (/xml/.test(type)) return 3;
  if (type.startsWith('text/')) return 4;
  return 5;
}

/** An OpenAPI 3.x `requestBody`. */
export function readRequestBody(requestBody: unknown, ctx: ImportContext, where: string): ReadBody {
  const content = node(node(requestBody).content);
  const offers: BodyOffer[] = Object.entries(content).map(([mediaType, media]) => ({
    mediaType: mediaType.toLowerCase(),
    schema: isNode(node(media).schema) ? node(node(media).schema) : undefined,
    source: node(media),
    encoding: isNode(node(media).encoding) ? node(node(media).encoding) : undefined,
  }));
  return fromOffers(offers, ctx, where);
}

/** Swagger 2.0: an `in: body` parameter, or `in: formData` parameters, with the operation's `consumes`. */
export function readSwaggerBody(
  parameters: Node[],
  consumes: string[],
  ctx: ImportContext,
  where: string,
): ReadBody {
  const body = parameters.find((p) => p.in === 'body');
  if (body) {
    const types = consumes.length > 0 ? consumes : ['application/json'];
    const schema = node(body.schema);
    return fromOffers(
      types.map((mediaType) => ({ mediaType: mediaType.toLowerCase(), schema, source: body })),
      ctx,
      where,
    );
  }
  const form = parameters.filter((p) => p.in === 'formData');
  if (form.length === 0) return NONE;
  const multipart = consumes.includes('multipart/form-data') || form.some((p) => p.type === 'file');
  const schema: Node = {
    type: 'object',
    properties: Object.fromEntries(form.map((p) => [String(p.name), p])),
    required: form.filter((p) => p.required === true).map((p) => String(p.name)),
  };
  const mediaType = multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  return fromOffers([{ mediaType, schema, source: {} }], ctx, where);
}

function fromOffers(offers: BodyOffer[], ctx: ImportContext, where: string): ReadBody {
  const chosen = [...offers].sort((a, b) => rank(a.mediaType) - rank(b.mediaType))[0];
  if (!chosen) return NONE;
  const others = offers.filter((offer) => offer !== chosen).map((offer) => offer.mediaType);
  if (others.length > 0)
    ctx.skip(
      `The body of ${where} is built as ${chosen.mediaType}; the description also offers ${others.join(', ')},` +
        ' which Lantern did not build. Change the body mode to send one of those.',
    );
  const value = bodyValue(chosen, ctx, where);
  const type = chosen.mediaType;
  if (isJsonMediaType(type)) {
    const text =
      typeof value === 'string' && isJsonText(value) ? value : JSON.stringify(value ?? {}, null, 2);
    const headers = type === 'application/json' ? [] : [{ name: 'Content-Type', value: type, enabled: true }];
    return { body: { mode: 'json', text }, headers };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields = Object.entries(node(value)).map(([name, field]) => ({
      name,
      value: asText(field),
      enabled: true,
    }));
    return { body: { mode: 'form-urlencoded', fields }, headers: [] };
  }
  if (type === 'multipart/form-data') return { body: multipart(chosen, value, ctx, where), headers: [] };
  if (/xml|^text\//.test(type)) {
    const text =
      typeof value === 'string' ? value : /xml/.test(type) ? toXml(value, chosen.schema) : asText(value);
    return { body: { mode: 'raw', text, contentType: type }, headers: [] };
  }
  ctx.skip(`The body of ${where} is a file (${type}): choose the file in its Body tab before sending.`);
  return { body: { mode: 'binary', path: '', contentType: type }, headers: [] };
}

/** The first example, else a skeleton from the schema (said so when it had to stop). */
function bodyValue(offer: BodyOffer, ctx: ImportContext, where: string): unknown {
  const example = firstExample(offer.source);
  if (example.found) return example.value;
  if (example.external !== undefined)
    ctx.skip(
      `The example body of ${where} is in another file (${example.external}), which Lantern does not read:` +
        ' the body was built from its schema instead.',
    );
  if (offer.schema === undefined) return undefined;
  const skeleton = skeletonOf(offer.schema);
  if (skeleton.stoppedAt.length > 0)
    ctx.skip(
      `The body of ${where} was built from its schema, which refers to itself or nests deeper than Lantern` +
        ` fills in: it stops at ${skeleton.stoppedAt.map((p) => p || 'the top').join(', ')}. Fill in deeper levels by hand.`,
    );
  return skeleton.value;
}

const isJsonText = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** A property sent as a file: binary format, a 3.1 content media type, or a part encoded as non-text. */
function isFilePart(name: string, property: Node, encoding: Node | undefined): boolean {
  const items = schemaType(property) === 'array' ? node(property.items) : property;
  if (items.type === 'file' || items.format === 'binary' || items.format === 'byte') return true;
  if (typeof items.contentMediaType === 'string' || typeof items.contentEncoding === 'string') return true;
  const partType = textOf(node(encoding?.[name]).contentType);
  return partType !== undefined && !/^(text\/|application\/json)/.test(partType);
}

function multipart(offer: BodyOffer, value: unknown, ctx: ImportContext, where: string): RequestBody {
  const properties = node(offer.schema?.properties);
  const fields: MultipartField[] = [];
  const files: string[] = [];
  for (const [name, fieldValue] of Object.entries(node(value))) {
    const property = node(properties[name]);
    if (isFilePart(name, property, offer.encoding)) {
      files.push(name);
      const contentType = textOf(node(offer.encoding?.[name]).contentType);
      fields.push({ kind: 'file', name, path: '', ...(contentType ? { contentType } : {}), enabled: true });
    } else fields.push({ kind: 'text', name, value: asText(fieldValue), enabled: true });
  }
  if (files.length > 0)
    ctx.skip(
      `The multipart body of ${where} has file field${files.length > 1 ? 's' : ''} ${files.map((f) => `"${f}"`).join(', ')}` +
        ' with no file: choose one in its Body tab before sending.',
    );
  return { mode: 'multipart', fields };
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value as XML elements, the root named by the schema's `xml.name` (else "root"). */
export function toXml(value: unknown, schema: Node | undefined): string {
  const element = (name: string, content: unknown, indent: string): string => {
    if (Array.isArray(content)) return content.map((item) => element(name, item, indent)).join('\n');
    if (isNode(content)) {
      const children = Object.entries(content).map(([key, child]) => element(key, child, `${indent}  `));
      return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
    }
    return `${indent}<${name}>${escapeXml(asText(content))}</${name}>`;
  };
  const rootName = textOf(node(schema?.xml).name) ?? 'root';
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(rootName, value ?? '', '')}`;
}

/** Every parameter object of an operation: the path item's, overridden by the operation's (same name and place). */
export function mergedParameters(pathItem: Node, operation: Node): Node[] {
  const own = nodes(operation.parameters);
  const key = (p: Node) => `${String(p.in)}:${String(p.name)}`;
  const owned = new Set(own.map(key));
  return [...nodes(pathItem.parameters).filter((p) => !owned.has(key(p))), ...own];
}
