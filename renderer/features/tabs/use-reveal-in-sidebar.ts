import { useEffect, type Dispatch, type SetStateAction } from 'react';
import type { Folder } from '../../../shared/model/collection';
import { folderChain } from '../../../shared/collections/effective-request';
import { useLantern } from '../../store';

/**
 * The tab menu's "Reveal in sidebar": opens the folders above the request, then scrolls its row
 * into view and focuses it (the tree marks the active request already).
 */
export function useRevealInSidebar(
  root: Folder,
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>,
): void {
  const reveal = useLantern((s) => s.revealRequest);
  useEffect(() => {
    if (!reveal) return;
    const chain = folderChain(root, reveal.requestId) ?? [];
    setCollapsed((current) => {
      const next = new Set(current);
      for (const folder of chain) next.delete(folder.id);
      return next;
    });
    // The row exists once the opened folders have rendered.
    const frame = requestAnimationFrame(() => {
      const row = document.querySelector<HTMLElement>(
        `[data-testid="ws-request-${CSS.escape(reveal.requestId)}"]`,
      );
      row?.scrollIntoView({ block: 'nearest' });
      row?.focus();
    });
    return () => cancelAnimationFrame(frame);
    // Only a new reveal acts: a changed tree must not steal focus again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);
}
