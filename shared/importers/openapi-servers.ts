import type { Collection } from '../model/collection';
import type { ImportContext } from './import-context';
import { isNode, node, nodes, textOf, type Node, type SpecVersion } from './openapi-source';

type CollectionEnvironment = Collection['environments'][number];

interface Server {
  url: string;
  label: string;
}

/** `https://{region}.example.com/{version}` with each server variable's default. */
function substitute(server: Node): string {
  const variables = node(server.variables);
  return String(server.url).replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isNode(variable) && variable.default !== undefined ? String(variable.default) : whole;
  });
}

function servers(doc: Node, version: SpecVersion, ctx: ImportContext): Server[] {
  if (version !== '2.0') {
    return nodes(doc.servers)
      .filter((server) => typeof server.url === 'string')
      .map((server) => {
        const url = substitute(server);
        return { url, label: textOf(server.description) ?? url };
      });
  }
  const host = textOf(doc.host);
  if (host === undefined) return [];
  const basePath = textOf(doc.basePath) ?? '';
  let schemes = Array.isArray(doc.schemes) ? doc.schemes.filter((s) => typeof s === 'string') : [];
  if (schemes.length === 0) {
    schemes = ['https'];
    ctx.skip(
      'The description names no scheme (http or https) for its host, so Lantern assumed https:' +
        ' change baseUrl in the environment if the API is served over http.',
    );
  }
  return schemes.map((scheme) => {
    const url = `${scheme}://${host}${basePath}`;
    return { url, label: url };
  });
}

/**
 * One environment per server, each with the `baseUrl` every imported request starts with. A
 * relative server address (OpenAPI resolves it against where the description was served) is
 * kept as written and reported, since Lantern read the description from a file or pasted text.
 */
export function serverEnvironments(
  doc: Node,
  version: SpecVersion,
  title: string,
  ctx: ImportContext,
): CollectionEnvironment[] {
  const found = servers(doc, version, ctx);
  if (found.length === 0) {
    ctx.skip(
      'The description names no server, so no environment was made: add a variable baseUrl with the' +
        " API's address (e.g. https://api.example.com) to an environment or to the imported folder.",
    );
    return [];
  }
  const used = new Set<string>();
  return found.map(({ url, label }) => {
    const baseUrl = url.replace(/\/+$/, '');
    if (!/^[a-z][\w+.-]*:\/\//i.test(baseUrl))
      ctx.skip(
        `The server address "${url}" is relative (OpenAPI reads it from where the description was served):` +
          ' change baseUrl in its environment to the full address.',
      );
    if (/\{[^{}]+\}/.test(baseUrl))
      ctx.skip(
        `The server address "${url}" has variables with no default: replace them in baseUrl in its environment.`,
      );
    let name = `${title} — ${label}`.slice(0, 190);
    for (let n = 2; used.has(name); n += 1) name = `${title} — ${label} (${n})`.slice(0, 190);
    used.add(name);
    return { name, variables: [{ name: 'baseUrl', value: baseUrl, secret: false }] };
  });
}
