import type { MultipartField, RequestBody } from '../model/request';
import type { ImportContext } from './import-context';
import { soleOperationName } from './graphql-name';
import { capitalise } from './import-context';
import { text, type PostmanBody } from './postman-source';

/** Postman's raw "language" → the content type Postman itself sends for it. */
const RAW_TYPES: Record<string, string> = {
  text: 'text/plain',
  javascript: 'application/javascript',
  html: 'text/html',
  xml: 'application/xml',
};

export function reportFile(ctx: ImportContext, what: string, path: string): void {
  ctx.skip(
    path === ''
      ? `${capitalise(what)} has no file chosen; pick one in Lantern before sending.`
      : `${capitalise(what)} sends the file ${path}: the path was kept, but the file itself is not part of` +
          ' the export. Check that it exists on this computer.',
  );
}

/**
 * Reads a Postman body. `contentType` is the request's own Content-Type header, which wins
 * over the raw "language" for raw bodies.
 */
export function readPostmanBody(
  body: PostmanBody | null | undefined,
  contentType: string | undefined,
  ctx: ImportContext,
  where: string,
): RequestBody {
  if (!body) return { mode: 'none' };
  const held = BODY_KINDS.filter((kind) => hasContent(body, kind));
  if (body.disabled === true) {
    if (held.length > 0)
      ctx.skip(
        `The body of ${where} is switched off in Postman, so it was not imported (Postman does not send it either).`,
      );
    return { mode: 'none' };
  }
  // No mode: the kind of body is the one part that holds something (Postman writes only that one).
  const mode = body.mode ?? (held.length === 1 ? held[0] : undefined);
  if (!mode) {
    if (held.length > 1)
      ctx.skip(
        `The body of ${where} says no mode and holds ${held.join(' and ')} parts, so it was left out: set its mode in Postman and export again, or rebuild it in Lantern.`,
      );
    return { mode: 'none' };
  }
  if (!body.mode)
    ctx.skip(`The body of ${where} says no mode; it was read as ${mode}, the only part it holds.`);
  switch (mode) {
    case 'raw': {
      const language = body.options?.raw?.language ?? 'text';
      const raw = body.raw ?? '';
      if (language === 'json' || /^application\/([\w.+-]*\+)?json\b/i.test(contentType ?? '')) {
        return { mode: 'json', text: raw };
      }
      return { mode: 'raw', text: raw, contentType: contentType ?? RAW_TYPES[language] ?? 'text/plain' };
    }
    case 'urlencoded':
      return {
        mode: 'form-urlencoded',
        fields: (body.urlencoded ?? []).map((p) => ({
          name: p.key ?? '',
          value: text(p.value),
          enabled: !p.disabled,
        })),
      };
    case 'formdata': {
      const fields: MultipartField[] = [];
      for (const field of body.formdata ?? []) {
        const name = field.key ?? '';
        const enabled = !field.disabled;
        if (field.type !== 'file') {
          fields.push({ kind: 'text', name, value: text(field.value), enabled });
          continue;
        }
        const paths = Array.isArray(field.src) ? field.src : [field.src ?? ''];
        for (const path of paths) {
          const file: MultipartField = { kind: 'file', name, path, enabled };
          if (field.contentType) file.contentType = field.contentType;
          fields.push(file);
          reportFile(ctx, `form field "${name}" of ${where}`, path);
        }
      }
      return { mode: 'multipart', fields };
    }
    case 'file': {
      const path = body.file?.src ?? '';
      reportFile(ctx, `the body of ${where}`, path);
      return contentType ? { mode: 'binary', path, contentType } : { mode: 'binary', path };
    }
    case 'graphql': {
      const query = body.graphql?.query ?? '';
      const operationName = soleOperationName(query);
      return {
        mode: 'graphql',
        query,
        variables: body.graphql?.variables ?? '',
        persisted: false,
        ...(operationName ? { operationName } : {}),
      };
    }
    default:
      ctx.skip(`The ${mode} body of ${where} is a kind Lantern does not know, so it was left out.`);
      return { mode: 'none' };
  }
}

const BODY_KINDS = ['raw', 'urlencoded', 'formdata', 'file', 'graphql'] as const;

function hasContent(body: PostmanBody, kind: (typeof BODY_KINDS)[number]): boolean {
  switch (kind) {
    case 'raw':
      return (body.raw ?? '') !== '';
    case 'urlencoded':
      return (body.urlencoded?.length ?? 0) > 0;
    case 'formdata':
      return (body.formdata?.length ?? 0) > 0;
    case 'file':
      return Boolean(body.file?.src || body.file?.content);
    case 'graphql':
      return (body.graphql?.query ?? '') !== '';
  }
}
