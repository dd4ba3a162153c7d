import type { RequestDraft } from '../../shared/model/request';

export const emptyDraft = (): RequestDraft => ({
  method: 'GET',
  url: '',
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
});

/** The comparable form of a draft: a tab is unsaved when this differs from its baseline. */
export const draftFingerprint = (draft: RequestDraft): string => JSON.stringify(draft);

/** "/users" for a tab without a name (the method shows beside it as a badge). */
export function draftTitle(draft: RequestDraft): string {
  const path = draft.url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\{\{[^}]+\}\}/, '') || draft.url;
  return path ? (path.length > 28 ? `${path.slice(0, 27)}…` : path) : 'New request';
}
