export interface InheritedItem {
  name: string;
  value: string;
  from: string;
  /** A closer value (the folder's or the request's own) replaces it. */
  overridden: boolean;
}

/** Read-only rows of inherited values, each saying which folder it comes from. */
export function InheritedList({
  title,
  items,
  testId,
}: {
  title: string;
  items: InheritedItem[];
  testId: string;
}) {
  if (items.length === 0) return null;
  return (
    <div className="inherited" data-testid={testId}>
      <div className="inherited-title">{title}</div>
      <table className="kv-table readonly">
        <tbody>
          {items.map((item) => (
            <tr key={`${item.from}:${item.name}`} className={item.overridden ? 'overridden' : undefined}>
              <td>{item.name}</td>
              <td>{item.value}</td>
              <td className="inherited-from">
                {item.overridden ? `overridden here (was from ${item.from})` : `from ${item.from}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
