import { useMemo } from 'react';
import { diagnose, type Finding } from '../../../shared/diagnose';
import type { RequestTab } from '../../store/tabs-slice';

/**
 * The findings of a tab: those the main side attached to the exchange (it knows token expiry and
 * rate-limit history), else the pure engine run here (a failed send, an older history entry).
 */
export function findingsOf(
  tab: Pick<RequestTab, 'draft' | 'exchange' | 'sendError'>,
  nowMs: number,
): Finding[] {
  if (tab.exchange?.findings) return tab.exchange.findings;
  if (!tab.exchange && !tab.sendError) return [];
  return diagnose({ draft: tab.draft, exchange: tab.exchange, error: tab.sendError, nowMs });
}

export function useFindings(tab: Pick<RequestTab, 'draft' | 'exchange' | 'sendError'>): Finding[] {
  const { draft, exchange, sendError } = tab;
  return useMemo(() => findingsOf({ draft, exchange, sendError }, Date.now()), [draft, exchange, sendError]);
}
