import type { Assertion } from '../assertions/model';
import type { Folder, SavedRequest } from '../model/collection';
import type { RequestDraft } from '../model/request';
import { folderAuth, requestAuth } from './auth-outcome';
import { describePlace, ImportContext, type ImportResult, type Variable } from './import-context';
import { SecurityReader } from './openapi-auth';
import { mergedParameters, readRequestBody, readSwaggerBody } from './openapi-body';
import { responseJsonSchema } from './openapi-json-schema';
import { pathValueLine, readParameters } from './openapi-params';
import { serverEnvironments } from './openapi-servers';
import {
  isJsonMediaType,
  isNode,
  node,
  OPERATION_METHODS,
  specVersion,
  textOf,
  unresolvedRef,
  type Node,
  type SpecVersion,
} from './openapi-source';

/** What the main side learnt while reading the description, for the report. */
export interface OpenApiFacts {
  /** External `$ref`s left unresolved on purpose: Lantern reads no other file or address. */
  externalRefs: string[];
}

/**
 * Maps a validated, dereferenced OpenAPI 3.0/3.1 or Swagger 2.0 description to a collection:
 * one request per operation (in a folder per first tag), a `baseUrl` environment per server,
 * auth needs from its security schemes, bodies from examples or schemas, and switched-off
 * "matches JSON Schema" tests from its success responses.
 */
export function importOpenApi(doc: Node, facts: OpenApiFacts): ImportResult {
  const version = specVersion(doc);
  const ctx = new ImportContext();
  const info = node(doc.info);
  const title = textOf(info.title)?.slice(0, 200) ?? 'OpenAPI import';
  const environments = serverEnvironments(doc, version, title, ctx);
  const schemes = node(version === '2.0' ? doc.securityDefinitions : node(doc.components).securitySchemes);
  const security = new SecurityReader(schemes, version);
  const root: Folder = { id: ctx.id(undefined, 'collection'), name: title, folders: [], requests: [] };
  const description = textOf(info.description);
  if (description) root.description = description;
  const global = security.outcome(doc.security, `the imported folder "${title}"`);
  const auth = folderAuth(global.outcome, ctx, global.where);
  if (auth) root.auth = auth;

  const folders = new Map<string, Folder>();
  for (const tag of Array.isArray(doc.tags) ? doc.tags.filter(isNode) : []) {
    const name = textOf(tag.name);
    if (name !== undefined && !folders.has(name))
      folders.set(name, newFolder(ctx, name, textOf(tag.description)));
  }
  const variables = new Map<string, string>();
  const missingValues = new Map<string, number>();
  let operations = 0;
  for (const [path, pathItemValue] of Object.entries(node(doc.paths))) {
    const pathItem = node(pathItemValue);
    const ref = unresolvedRef(pathItem);
    if (ref !== undefined) {
      ctx.skip(
        `The path ${path} is described in another file (${ref}), which Lantern does not read: it was not imported.`,
      );
      continue;
    }
    for (const method of OPERATION_METHODS) {
      const operation = pathItem[method];
      if (!isNode(operation)) continue;
      operations += 1;
      const tag = Array.isArray(operation.tags) ? textOf(operation.tags[0]) : undefined;
      let folder = root;
      if (tag !== undefined) {
        folder = folders.get(tag) ?? newFolder(ctx, tag, undefined);
        folders.set(tag, folder);
      }
      const name = requestName(operation, method, path);
      const where = describePlace('request', name, tag === undefined ? [] : [tag]);
      const request = readOperation({
        doc,
        version,
        path,
        pathItem,
        operation,
        method,
        name,
        where,
        ctx,
        security,
      });
      for (const [param, value] of request.pathValues) {
        if (value === undefined) {
          if (!variables.has(param)) missingValues.set(param, (missingValues.get(param) ?? 0) + 1);
        } else if (!variables.has(param)) {
          variables.set(param, value);
          missingValues.delete(param);
        }
      }
      folder.requests.push(request.saved);
    }
  }
  root.folders = [...folders.values()].filter((f) => f.requests.length > 0);
  if (variables.size > 0)
    root.variables = [...variables].map(([name, value]): Variable => ({ name, value, secret: false }));
  const missingLine = pathValueLine(missingValues);
  if (missingLine) ctx.skip(missingLine);
  for (const line of security.reportLines()) ctx.skip(line);
  reportUnread(doc, operations, facts, ctx);
  return {
    ok: true,
    report: ctx.report({ name: title, root, environments, credentials: ctx.credentials }),
  };
}

function newFolder(ctx: ImportContext, name: string, description: string | undefined): Folder {
  return {
    id: ctx.id(undefined, 'folder'),
    name: name.slice(0, 500),
    ...(description ? { description } : {}),
    folders: [],
    requests: [],
  };
}

/** `summary`, else `operationId`, else `GET /users/{id}`. */
function requestName(operation: Node, method: string, path: string): string {
  const name =
    textOf(operation.summary) ?? textOf(operation.operationId) ?? `${method.toUpperCase()} ${path}`;
  return name.trim().slice(0, 500);
}

interface OperationInput {
  doc: Node;
  version: SpecVersion;
  path: string;
  pathItem: Node;
  operation: Node;
  method: string;
  name: string;
  where: string;
  ctx: ImportContext;
  security: SecurityReader;
}

function readOperation(input: OperationInput): {
  saved: SavedRequest;
  pathValues: [string, string | undefined][];
} {
  const { doc, version, path, pathItem, operation, method, name, where, ctx, security } = input;
  const parameters = mergedParameters(pathItem, operation);
  const params = readParameters(path, parameters, ctx, where);
  const consumes = stringList(operation.consumes ?? doc.consumes);
  const body =
    version === '2.0'
      ? readSwaggerBody(parameters, consumes, ctx, where)
      : readRequestBody(operation.requestBody, ctx, where);
  const own = security.outcome(operation.security, where);
  const { auth, inheritAuth } = requestAuth(own.outcome, ctx, own.where);
  if ([operation.servers, pathItem.servers].some((servers) => Array.isArray(servers) && servers.length > 0))
    ctx.skip(
      `${where.charAt(0).toUpperCase()}${where.slice(1)} names its own server, which Lantern did not use: it` +
        ' starts with {{baseUrl}} like the others. Change its address if it lives elsewhere.',
    );
  const tests = responseTests(doc, version, operation, ctx, where);
  const draft: RequestDraft = {
    method: method.toUpperCase(),
    url: params.url,
    headers: [...params.headers, ...body.headers],
    body: body.body,
    auth,
    ...(params.disabledParams ? { disabledParams: params.disabledParams } : {}),
    ...(tests.length > 0 ? { tests } : {}),
  };
  const text = [
    operation.deprecated === true ? 'Deprecated.' : undefined,
    textOf(operation.description),
  ].filter((part) => part !== undefined);
  return {
    saved: {
      id: ctx.id(textOf(operation.operationId), 'request'),
      name,
      ...(text.length > 0 ? { description: text.join('\n\n') } : {}),
      draft,
      inheritAuth,
    },
    pathValues: params.pathValues,
  };
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase())
    : [];

/**
 * A switched-off "body matches JSON Schema" test from the first success response (2xx) that
 * describes a JSON body. Switched off because a description often differs from what a server
 * answers: turn it on in the Tests tab.
 */
function responseTests(
  doc: Node,
  version: SpecVersion,
  operation: Node,
  ctx: ImportContext,
  where: string,
): Assertion[] {
  const responses = Object.entries(node(operation.responses))
    .filter(([status]) => /^2(\d\d|XX)$/i.test(status))
    .sort(([a], [b]) => a.localeCompare(b));
  for (const [status, response] of responses) {
    const produces = stringList(operation.produces ?? doc.produces);
    const schema = jsonResponseSchema(version, node(response), produces);
    if (schema === undefined) continue;
    const converted = responseJsonSchema(schema, version);
    if (!converted.ok) {
      ctx.skip(
        converted.reason === 'external-ref'
          ? `The ${status} response schema of ${where} refers to another file (${converted.ref}), which Lantern does not read, so no schema test was made for it.`
          : `The ${status} response schema of ${where} is larger than a test can hold (1 MB as JSON), so no schema test was made for it.`,
      );
      return [];
    }
    return [{ enabled: false, target: 'jsonPath', path: '$', op: 'matchesSchema', expected: converted.text }];
  }
  return [];
}

function jsonResponseSchema(version: SpecVersion, response: Node, produces: string[]): Node | undefined {
  if (version === '2.0') {
    const json = produces.length === 0 || produces.some(isJsonMediaType);
    return json && isNode(response.schema) ? response.schema : undefined;
  }
  const content = node(response.content);
  const type = Object.keys(content).find(isJsonMediaType);
  const schema = type === undefined ? undefined : node(content[type]).schema;
  return isNode(schema) ? schema : undefined;
}

/** Webhooks, external references and an empty description: said, never dropped silently. */
function reportUnread(doc: Node, operations: number, facts: OpenApiFacts, ctx: ImportContext): void {
  const webhooks = Object.keys(node(doc.webhooks));
  if (webhooks.length > 0)
    ctx.skip(
      `The description's webhooks (${webhooks.join(', ')}) were not imported: they are calls the API makes to` +
        ' you, not requests you send.',
    );
  for (const ref of facts.externalRefs)
    ctx.skip(
      `The reference "${ref}" points to another file or web address, which Lantern does not read (it reads` +
        ' only what you chose to import): the parts that use it were imported without it.',
    );
  if (operations === 0) ctx.skip('The description has no operations under "paths", so no request was made.');
}
