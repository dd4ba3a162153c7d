import { draftTitle } from '../../store/drafts';
import type { RequestTab } from '../../store/tabs-slice';

/** What a tab is called in the strip and in dialogs: its request's name, else its URL path. */
export const tabTitle = (tab: Pick<RequestTab, 'name' | 'draft'>): string =>
  tab.name ?? draftTitle(tab.draft);

/** The same, never shortened (dialogs have room to wrap it). */
export const fullTabTitle = (tab: Pick<RequestTab, 'name' | 'draft'>): string =>
  tab.name ?? (tab.draft.url.trim() || 'New request');
