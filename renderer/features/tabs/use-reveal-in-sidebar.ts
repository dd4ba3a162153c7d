import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Folder } from '../../../shared/model/collection';
import { folderChain } from '../../../shared/collections/effective-request';
import { useLantern } from '../../store';

/**
 * The tab menu's "Reveal in sidebar": opens the folders above the request, then, once its row has
 * rendered, scrolls it into view and focuses it (the tree marks the active request already).
 */
export function useRevealInSidebar(
  root: Folder,
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>,
): void {
  const reveal = useLantern((s) => s.revealRequest);
  const pending = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!reveal) return;
    pending.current = reveal.requestId;
    const chain = folderChain(root, reveal.requestId) ?? [];
    setCollapsed((current) => {
      const next = new Set(current);
      for (const folder of chain) next.delete(folder.id);
      return next;
    });
    // Only a new reveal acts: a changed tree must not open folders again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);
  // After every render: the row appears once its folders are open.
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const row = document.querySelector<HTMLElement>(`[data-testid="ws-request-${CSS.escape(id)}"]`);
    if (!row) return;
    pending.current = undefined;
    row.scrollIntoView({ block: 'nearest' });
    row.focus();
  });
}
