import type { Folder } from '../../../shared/model/collection';
import type { RequestDraft } from '../../../shared/model/request';
import { isSyntaxProblem, listOperations } from '../../../shared/graphql/operations';

const TEMPLATE = /^\{\{[^}]*\}\}$/;
/** A path segment that names one item rather than a resource: an id, a number, a UUID, a variable. */
const looksLikeId = (segment: string) =>
  TEMPLATE.test(segment) || /^\d+$/.test(segment) || /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(segment);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The GraphQL operation a body sends: its operationName, else the first named operation. */
function graphqlOperationName(draft: RequestDraft): string | undefined {
  if (draft.body.mode !== 'graphql') return undefined;
  if (draft.body.operationName?.trim()) return draft.body.operationName.trim();
  const operations = listOperations(draft.body.query);
  return isSyntaxProblem(operations) ? undefined : operations.find((o) => o.name)?.name;
}

/**
 * The name "Save as" proposes: the GraphQL operation name, else the URL's last path segment
 * (with the one before it when the last is an id, as in "users/{{id}}"), else its host.
 */
export function defaultRequestName(draft: RequestDraft): string {
  const operation = graphqlOperationName(draft);
  if (operation) return operation;
  const withoutQuery = draft.url.trim().split(/[?#]/)[0] ?? '';
  const withoutOrigin = withoutQuery
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
    .replace(/^\{\{[^}]*\}\}/, '');
  const segments = withoutOrigin
    .split('/')
    .filter((s) => s !== '')
    .map(decode);
  const last = segments.at(-1);
  if (last !== undefined) {
    const before = segments.at(-2);
    return looksLikeId(last) && before !== undefined ? `${before}/${last}` : last;
  }
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(withoutQuery)?.[1];
  return host ?? (withoutQuery || 'New request');
}

export interface FolderChoice {
  id: string;
  /** "Users / Admin"; the workspace's top level is named by the workspace. */
  label: string;
}

/** Every folder of a workspace, in tree order, labelled by its path. */
export function folderChoices(root: Folder, workspaceName: string): FolderChoice[] {
  const out: FolderChoice[] = [{ id: root.id, label: `${workspaceName} (top level)` }];
  const walk = (folder: Folder, path: string[]) => {
    for (const child of folder.folders) {
      const childPath = [...path, child.name];
      out.push({ id: child.id, label: childPath.join(' / ') });
      walk(child, childPath);
    }
  };
  walk(root, []);
  return out;
}

/** True when the folder already holds a request of that name (as the sidebar would show it). */
export function nameTaken(root: Folder, folderId: string, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  const find = (folder: Folder): Folder | undefined =>
    folder.id === folderId ? folder : folder.folders.map(find).find((f) => f !== undefined);
  return (find(root)?.requests ?? []).some((r) => r.name.trim().toLowerCase() === wanted);
}
