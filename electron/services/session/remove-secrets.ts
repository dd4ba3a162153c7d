/**
 * Takes every secret out of a draft before the session is written to disk: the values of
 * credential headers, of secret-named query parameters, form fields and JSON fields, and any
 * known secret (an environment's, a credential's, a token) wherever it was typed. Each removal is
 * named, so the restored tab can say which field lost its value and why.
 */
import { maskSecret } from '../../../shared/model/auth';
import type { RequestDraft } from '../../../shared/model/request';
import { isSecretHeaderName, looksSecret } from '../../../shared/redact/secret-names';
import { secretForms } from '../../../shared/redact/secret-forms';
import { isSecretName, maskJsonFields } from '../history/secret-fields';

export interface CleanDraft {
  draft: RequestDraft;
  /** Where a value was removed, in words: `the header "Authorization"`. */
  removed: string[];
}

const isTemplate = (value: string) => /^\s*(\w+\s+)?\{\{[^}]+\}\}\s*$/.test(value);
const secretNamed = (name: string) => isSecretName(name) || looksSecret(name);

/** Blanks every form of every known secret in `text`; true when one was there. */
function withoutKnown(text: string, secrets: readonly string[]): { text: string; found: boolean } {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of secretForms(secret)) if (out.includes(form)) out = out.split(form).join('');
  }
  return { text: out, found: out !== text };
}

/** Blanks the values of secret-named JSON fields, keeping the rest of the text as typed. */
function withoutJsonSecrets(text: string): { text: string; found: boolean } {
  const masked = maskJsonFields(text);
  if (!masked || masked.values.length === 0) return { text, found: false };
  let out = masked.text;
  for (const value of masked.values) out = out.split(JSON.stringify(maskSecret(value))).join('""');
  return { text: out, found: true };
}

function cleanUrl(url: string, removed: string[]): string {
  return url.replace(/([?&;])([^=&#;]+)=([^&#;]*)/g, (match, sep: string, name: string, value: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed escape: judge the name as written
    }
    if (!secretNamed(decoded) || value === '' || value.includes('{{')) return match;
    removed.push(`the query parameter "${decoded}"`);
    return `${sep}${name}=`;
  });
}

function cleanRow<T extends { name: string; value: string }>(row: T, label: string, removed: string[]): T {
  if (row.value === '' || row.value.includes('{{') || !secretNamed(row.name)) return row;
  removed.push(`${label} "${row.name}"`);
  return { ...row, value: '' };
}

export function removeDraftSecrets(input: RequestDraft, secrets: readonly string[]): CleanDraft {
  const removed: string[] = [];
  const known = (text: string, place: string): string => {
    const result = withoutKnown(text, secrets);
    if (result.found) removed.push(place);
    return result.text;
  };
  const draft: RequestDraft = structuredClone(input);
  draft.url = known(cleanUrl(draft.url, removed), 'the URL');
  draft.headers = draft.headers.map((header) => {
    const row =
      isSecretHeaderName(header.name) && header.value !== '' && !isTemplate(header.value)
        ? (removed.push(`the header "${header.name}"`), { ...header, value: '' })
        : header;
    return { ...row, value: known(row.value, `the header "${row.name}"`) };
  });
  if (draft.disabledParams)
    draft.disabledParams = draft.disabledParams.map((row) => {
      const clean = cleanRow(row, 'the switched-off query parameter', removed);
      return { ...clean, value: known(clean.value, `the query parameter "${clean.name}"`) };
    });
  const body = draft.body;
  if (body.mode === 'json' || body.mode === 'raw') {
    const json = withoutJsonSecrets(body.text);
    if (json.found) removed.push('a secret-named field of the body');
    body.text = known(json.text, 'the body');
  } else if (body.mode === 'graphql') {
    const json = withoutJsonSecrets(body.variables);
    if (json.found) removed.push('a secret-named GraphQL variable');
    body.variables = known(json.text, 'the GraphQL variables');
    body.query = known(body.query, 'the GraphQL query');
  } else if (body.mode === 'form-urlencoded') {
    body.fields = body.fields.map((row) => {
      const clean = cleanRow(row, 'the form field', removed);
      return { ...clean, value: known(clean.value, `the form field "${clean.name}"`) };
    });
  } else if (body.mode === 'multipart') {
    body.fields = body.fields.map((field) => {
      if (field.kind !== 'text') return field;
      const clean = cleanRow(field, 'the form field', removed);
      return { ...clean, value: known(clean.value, `the form field "${clean.name}"`) };
    });
  }
  return { draft, removed: [...new Set(removed)] };
}
