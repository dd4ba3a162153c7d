import type { RequestDraft } from '../model/request';

const NAMED = /^the (header|form field|query parameter|switched-off query parameter) "(.*)"$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Of the places a restored draft lost a secret value in (`the header "Authorization"`), those the
 * draft still leaves empty: a header or field typed again (or removed) no longer needs the note.
 * A place that is not one named field ("the URL", "a secret-named field of the body") stays until
 * the user dismisses it.
 */
export function stillMissing(places: readonly string[], draft: RequestDraft): string[] {
  return places.filter((place) => {
    const named = NAMED.exec(place);
    if (!named) return true;
    const kind = named[1];
    const name = named[2] ?? '';
    if (kind === 'header') return draft.headers.some((h) => h.name === name && h.value === '');
    if (kind === 'form field') {
      const fields = 'fields' in draft.body ? draft.body.fields : [];
      return fields.some((f) => f.name === name && 'value' in f && f.value === '');
    }
    if (kind === 'query parameter')
      return (
        new RegExp(`[?&;]${escapeRegExp(encodeURIComponent(name))}=(&|#|;|$)`).test(draft.url) ||
        new RegExp(`[?&;]${escapeRegExp(name)}=(&|#|;|$)`).test(draft.url)
      );
    return (draft.disabledParams ?? []).some((p) => p.name === name && p.value === '');
  });
}
