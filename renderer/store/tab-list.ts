/**
 * Pure arrangements of the tab list (where an opened tab goes, reordering, which tabs a
 * "close others / to the right" names), kept apart from the store so they are tested alone.
 */

interface ListedTab {
  id: string;
  preview: boolean;
}

/**
 * Where a newly opened tab goes. A preview tab (opened from history or the sidebar with one click)
 * takes the place of the current preview tab, as VS Code does, so browsing does not pile up tabs;
 * a tab that may be replaced (a pristine blank one) is swapped out; anything else is appended.
 */
export function placeOpenedTab<T extends ListedTab>(
  tabs: readonly T[],
  opened: T,
  replaceable: T | undefined,
): { tabs: T[]; replaced: T | undefined } {
  const preview = opened.preview ? tabs.find((t) => t.preview) : undefined;
  const target = preview ?? replaceable;
  if (!target) return { tabs: [...tabs, opened], replaced: undefined };
  return { tabs: tabs.map((t) => (t.id === target.id ? opened : t)), replaced: target };
}

/** The list with one tab moved to `toIndex` (its index in the new list, clamped). */
export function moveTo<T extends ListedTab>(tabs: readonly T[], id: string, toIndex: number): T[] {
  const from = tabs.findIndex((t) => t.id === id);
  if (from < 0) return [...tabs];
  const rest = tabs.filter((t) => t.id !== id);
  const at = Math.max(0, Math.min(rest.length, toIndex));
  return [...rest.slice(0, at), tabs[from] as T, ...rest.slice(at)];
}

/** The ids "Close others" closes. */
export const othersThan = (tabs: readonly ListedTab[], id: string): string[] =>
  tabs.filter((t) => t.id !== id).map((t) => t.id);

/** The ids "Close to the right" closes. */
export function rightOf(tabs: readonly ListedTab[], id: string): string[] {
  const at = tabs.findIndex((t) => t.id === id);
  return at < 0 ? [] : tabs.slice(at + 1).map((t) => t.id);
}

/** The tab that becomes active once `closing` are gone: the next one to the right, else the left. */
export function nextActiveAfterClose(
  tabs: readonly ListedTab[],
  activeId: string,
  closing: ReadonlySet<string>,
): string | undefined {
  if (!closing.has(activeId)) return activeId;
  const at = tabs.findIndex((t) => t.id === activeId);
  const right = tabs.slice(at + 1).find((t) => !closing.has(t.id));
  const left = [...tabs.slice(0, Math.max(0, at))].reverse().find((t) => !closing.has(t.id));
  return (right ?? left)?.id;
}
