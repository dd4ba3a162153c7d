import type { HeaderRow, RequestDraft } from '../model/request';
import { looksSecret } from '../redact/secret-names';
import { withQueryParams, type QueryParam } from '../url/query-params';
import type { ImportContext } from './import-context';
import { asText, skeletonOf } from './openapi-skeleton';
import { firstExample, isNode, textOf, type Node } from './openapi-source';

/** What an operation's parameters make of a request: its address, header rows and path values. */
export interface ReadParameters {
  url: string;
  headers: HeaderRow[];
  disabledParams?: RequestDraft['disabledParams'];
  /** Path parameters and the example or default value each has (undefined: none given). */
  pathValues: [string, string | undefined][];
}

/**
 * OpenAPI: "If `in` is header and the name is Accept, Content-Type or Authorization, the parameter
 * definition SHALL be ignored" — the body mode, the response and the auth set those.
 */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** A parameter's value: its example, else its schema's example, default or first enum value. */
function parameterValue(parameter: Node): unknown {
  const own = firstExample(parameter);
  if (own.found) return own.value;
  // Swagger 2.0 puts type, default and enum on the parameter itself.
  const schema = isNode(parameter.schema) ? parameter.schema : parameter;
  const hasHint =
    firstExample(schema).found ||
    schema.default !== undefined ||
    Array.isArray(schema.enum) ||
    schema.const !== undefined;
  return hasHint ? skeletonOf(schema).value : undefined;
}

/**
 * Query values: an array is sent as repeated parameters (OpenAPI 3's default, `explode`; Swagger
 * 2.0's `collectionFormat: multi`), else joined by commas (Swagger 2.0's default, `csv`).
 */
function queryRows(parameter: Node, value: unknown): QueryParam[] {
  const name = String(parameter.name);
  if (!Array.isArray(value)) return [{ name, value: asText(value) }];
  const swagger2 = parameter.schema === undefined && parameter.type !== undefined;
  const repeated = swagger2 ? parameter.collectionFormat === 'multi' : parameter.explode !== false;
  return repeated
    ? value.map((item) => ({ name, value: asText(item) }))
    : [{ name, value: value.map(asText).join(',') }];
}

/** A header or query value whose name says it is a secret keeps its name, never an example value. */
function withoutSecret(name: string, value: string, ctx: ImportContext, where: string): string {
  if (value === '' || !looksSecret(name)) return value;
  ctx.skip(
    `The example value of the parameter "${name}" of ${where} looks like a secret, so it was left out: enter` +
      ' the value, or keep it as a secret variable.',
  );
  return '';
}

export function readParameters(
  path: string,
  parameters: Node[],
  ctx: ImportContext,
  where: string,
): ReadParameters {
  const pathValues: [string, string | undefined][] = [];
  const url = `{{baseUrl}}${path.replace(/\{([^{}]+)\}/g, (_, name: string) => `{{${name}}}`)}`;
  const enabled: QueryParam[] = [];
  const disabled: QueryParam[] = [];
  const headers: HeaderRow[] = [];
  const cookies: { text: string; required: boolean }[] = [];
  for (const parameter of parameters) {
    const name = textOf(parameter.name);
    if (name === undefined) continue;
    const value = parameterValue(parameter);
    const required = parameter.required === true;
    switch (parameter.in) {
      case 'path':
        pathValues.push([name, value === undefined ? undefined : asText(value)]);
        break;
      case 'query':
        for (const row of queryRows(parameter, value))
          (required ? enabled : disabled).push({ ...row, value: withoutSecret(name, row.value, ctx, where) });
        break;
      case 'header':
        if (IGNORED_HEADERS.has(name.toLowerCase())) break;
        headers.push({ name, value: withoutSecret(name, asText(value), ctx, where), enabled: required });
        break;
      case 'cookie':
        cookies.push({ text: `${name}=${withoutSecret(name, asText(value), ctx, where)}`, required });
        break;
    }
  }
  // A `{name}` in the path that no parameter describes still needs a value.
  for (const match of path.matchAll(/\{([^{}]+)\}/g)) {
    const name = match[1] ?? '';
    if (!pathValues.some(([known]) => known === name)) pathValues.push([name, undefined]);
  }
  if (cookies.length > 0) {
    headers.push({
      name: 'Cookie',
      value: cookies.map((c) => c.text).join('; '),
      enabled: cookies.some((c) => c.required),
    });
    ctx.skip(
      `The cookie parameters of ${where} were put in a Cookie header row (${cookies.some((c) => c.required) ? 'on' : 'switched off'}),` +
        ' because Lantern keeps cookies in a jar per workspace: check the values before sending.',
    );
  }
  return {
    url: withQueryParams(url, enabled),
    headers,
    pathValues,
    ...(disabled.length > 0
      ? {
          disabledParams: disabled.map((param, i) => ({ ...param, index: enabled.length + i })),
        }
      : {}),
  };
}

/** The report line for path parameters no example or default gave a value to. */
export function pathValueLine(missing: Map<string, number>): string | undefined {
  if (missing.size === 0) return undefined;
  const list = [...missing].map(([name, count]) => `{{${name}}} (${count} request${count > 1 ? 's' : ''})`);
  return (
    `Path parameters with no example or default in the description: ${list.join(', ')}. Set them as variables` +
    ' (in the imported folder or the environment) before sending.'
  );
}
