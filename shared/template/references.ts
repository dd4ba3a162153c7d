import type { RequestDraft } from '../model/request';
import { findVariables } from './scan';

/** One `{{name}}` a send will resolve, and where it is, in the words the editors use. */
export interface PlacedReference {
  name: string;
  /** "the URL", "header “X-Api-Key”", "the body", "form field “email”"… */
  place: string;
}

/**
 * Every `{{variable}}` a send resolves, with its place: the fields `resolveDraft` resolves (the URL,
 * enabled headers, the body's text, fields and file paths, GraphQL variables), plus the credential's
 * own fields (a `{{base}}` in a token URL). Used to check them all before sending, not only the URL.
 */
export function placedReferences(
  draft: RequestDraft,
  credential?: { label: string; fields: Readonly<Record<string, string>> },
): PlacedReference[] {
  const found: PlacedReference[] = [];
  const scan = (text: string, place: string) => {
    for (const reference of findVariables(text)) found.push({ name: reference.name, place });
  };
  scan(draft.url, 'the URL');
  draft.headers.forEach((header, index) => {
    if (!header.enabled) return;
    const label = header.name.trim() === '' ? `header ${index + 1}` : `header “${header.name.trim()}”`;
    scan(header.name, `the name of ${label}`);
    scan(header.value, label);
  });
  const { body } = draft;
  switch (body.mode) {
    case 'json':
    case 'raw':
      scan(body.text, 'the body');
      break;
    case 'form-urlencoded':
    case 'multipart':
      for (const field of body.fields) {
        if (!field.enabled) continue;
        const label = `form field “${field.name || '(unnamed)'}”`;
        scan(field.name, `the name of ${label}`);
        scan('value' in field ? field.value : field.path, label);
      }
      break;
    case 'graphql':
      scan(body.variables, 'the GraphQL variables');
      break;
    case 'binary':
      scan(body.path, 'the body file path');
      break;
    case 'none':
      break;
  }
  if (credential)
    for (const [key, value] of Object.entries(credential.fields))
      scan(value, `the ${key} of the credential “${credential.label}”`);
  return found;
}

/** The places grouped by variable name, in first-seen order. */
export function placesByName(references: readonly PlacedReference[]): { name: string; places: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const { name, place } of references) {
    const places = byName.get(name) ?? [];
    if (!places.includes(place)) places.push(place);
    byName.set(name, places);
  }
  return [...byName].map(([name, places]) => ({ name, places }));
}
