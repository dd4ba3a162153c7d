import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FormData } from 'undici';
import type { RequestBody } from '../../../shared/model/request';
import { LanternError } from '../../../shared/model/result';

export type WireBody = string | Buffer | FormData | undefined;

/** Largest file Lantern will read into a request body. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** Reads a body file on the main side; the renderer only ever names it. */
async function readBodyFile(filePath: string, what: string): Promise<Buffer> {
  if (filePath.trim() === '') {
    throw new LanternError(
      'body.file-missing',
      `No file is chosen for ${what}. Pick a file, or switch the body mode.`,
    );
  }
  try {
    const info = await stat(filePath);
    if (!info.isFile())
      throw new LanternError(
        'body.file-missing',
        `"${filePath}" (${what}) is a folder, not a file. Pick a file.`,
      );
    if (info.size > MAX_FILE_BYTES) {
      throw new LanternError(
        'body.file-too-large',
        `"${filePath}" (${what}) is larger than 512 MB; Lantern does not send files that big.`,
      );
    }
    return await readFile(filePath);
  } catch (error) {
    if (error instanceof LanternError) throw error;
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EACCES'
          ? 'permission was denied'
          : `${code ?? 'unknown error'}`;
    throw new LanternError(
      'body.file-missing',
      `The file "${filePath}" (${what}) could not be read: ${why}. Pick the file again or fix the path.`,
    );
  }
}

/** Turns a body mode into wire bytes and the Content-Type it implies (undefined: let the client decide). */
export async function buildBody(
  body: RequestBody,
): Promise<{ body: WireBody; contentType: string | undefined }> {
  switch (body.mode) {
    case 'none':
      return { body: undefined, contentType: undefined };
    case 'json':
      return { body: body.text, contentType: 'application/json' };
    case 'raw':
      return { body: body.text, contentType: body.contentType || undefined };
    case 'form-urlencoded': {
      const form = new URLSearchParams();
      for (const field of body.fields)
        if (field.enabled && field.name !== '') form.append(field.name, field.value);
      return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart': {
      const form = new FormData();
      for (const [index, field] of body.fields.entries()) {
        if (!field.enabled || field.name === '') continue;
        if (field.kind === 'text') form.append(field.name, field.value);
        else {
          const bytes = await readBodyFile(field.path, `form field ${index + 1} (${field.name})`);
          const blob = new Blob([new Uint8Array(bytes)], {
            type: field.contentType || 'application/octet-stream',
          });
          form.append(field.name, blob, path.basename(field.path));
        }
      }
      // undici writes multipart/form-data with its own boundary.
      return { body: form, contentType: undefined };
    }
    case 'graphql':
      return { body: graphqlPayload(body), contentType: 'application/json' };
    case 'binary': {
      const bytes = await readBodyFile(body.path, 'the body');
      return { body: bytes, contentType: body.contentType || 'application/octet-stream' };
    }
  }
}

/** The JSON a GraphQL server expects; persisted operations carry no query text. */
function graphqlPayload(body: Extract<RequestBody, { mode: 'graphql' }>): string {
  let variables: unknown = {};
  if (body.variables.trim() !== '') {
    try {
      variables = JSON.parse(body.variables);
    } catch (error) {
      throw new LanternError(
        'graphql.bad-variables',
        `The GraphQL variables are not valid JSON (${(error as Error).message}). Fix them in the Variables editor, or leave it empty.`,
      );
    }
  }
  if (body.persisted) {
    if (!body.operationName) {
      throw new LanternError(
        'graphql.no-operation',
        'A persisted operation needs its name: pick or type the operation name.',
      );
    }
    return JSON.stringify({ operationName: body.operationName, variables });
  }
  return JSON.stringify(
    body.operationName
      ? { query: body.query, variables, operationName: body.operationName }
      : { query: body.query, variables },
  );
}
