import type { Folder } from '../../../shared/model/collection';

const LIMIT = 200;

/** The folders and requests an import will create, as an indented list (the first 200 rows). */
export function CollectionOutline({ root }: { root: Folder }) {
  const rows: { depth: number; label: string; method?: string }[] = [];
  const walk = (folder: Folder, depth: number) => {
    for (const child of folder.folders) {
      if (rows.length >= LIMIT) return;
      rows.push({ depth, label: child.name });
      walk(child, depth + 1);
    }
    for (const request of folder.requests) {
      if (rows.length >= LIMIT) return;
      rows.push({ depth, label: request.name, method: request.draft.method });
    }
  };
  walk(root, 0);
  return (
    <ul className="import-outline" data-testid="import-outline">
      {rows.map((row, index) => (
        <li key={index} style={{ paddingLeft: `${row.depth * 14}px` }}>
          {row.method ? (
            <span className={`badge method-${row.method.toLowerCase()}`}>{row.method}</span>
          ) : (
            <span aria-hidden="true">▸</span>
          )}{' '}
          {row.label}
        </li>
      ))}
    </ul>
  );
}
