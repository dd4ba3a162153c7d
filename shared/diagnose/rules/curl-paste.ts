import { excerpt } from '../facts';
import type { Facts } from '../facts';
import type { Evidence, Finding } from '../types';

/** Shell quoting that survives only when a command is pasted into the wrong shell. */
const LEFTOVERS: { pattern: RegExp; shell: string; wholeValue?: boolean }[] = [
  { pattern: /\^"|\^%|\^\\|\^&/, shell: 'Windows cmd (^" and ^ escapes)' },
  { pattern: /^\$'|(?<![\w])\$'/, shell: "bash ANSI-C quoting ($'…')" },
  { pattern: /^'.*'$|^".*"$/s, shell: 'quotes that were meant for the shell', wholeValue: true },
  { pattern: /\\\r?\n/, shell: 'a bash line continuation (a trailing \\)' },
];

/** A pasted "Copy as cURL" that went through the wrong shell's quoting (API-BEHAVIOUR §6 scenario 19). */
export function curlPasteFindings(facts: Facts): Finding[] {
  const draft = facts.input.draft;
  if (!draft) return [];
  const places: { evidence: Evidence; text: string; leftovers: typeof LEFTOVERS }[] = [
    {
      evidence: { kind: 'request-header', name: 'URL' },
      text: String(draft.url ?? ''),
      leftovers: LEFTOVERS,
    },
    ...(Array.isArray(draft.headers) ? draft.headers : []).map((h) => ({
      evidence: { kind: 'request-header' as const, name: String(h.name) },
      text: String(h.value),
      leftovers: LEFTOVERS,
    })),
  ];
  // A JSON body may legitimately be a quoted string: only escape leftovers count there.
  if (facts.draftBodyText !== undefined) {
    const escapes = LEFTOVERS.filter((l) => !l.wholeValue);
    places.push({ evidence: { kind: 'request-body' }, text: facts.draftBodyText, leftovers: escapes });
  }
  const hits: Evidence[] = [];
  const shells = new Set<string>();
  for (const place of places) {
    const leftover = place.leftovers.find((l) => l.pattern.test(place.text.trim()));
    if (!leftover) continue;
    shells.add(leftover.shell);
    hits.push({ ...place.evidence, value: excerpt(place.text, 80) });
  }
  if (hits.length === 0) return [];
  return [
    {
      id: 'curl.quoting-leftovers',
      severity: 'warning',
      title: 'Shell quoting ended up inside the request',
      explanation: `Parts of the request still carry ${[...shells].join(' and ')}. This happens when a "Copy as cURL (bash)" command is pasted into Windows cmd, or a "Copy as cURL (cmd)" into bash: the quoting of one shell means nothing to the other, so it becomes part of the URL, headers or body.`,
      fix: "Import the original cURL command into Lantern instead of editing it by hand: Lantern's cURL import understands both bash and cmd quoting. Keep the -b '…' part: it carries the cookies.",
      evidence: hits.slice(0, 5),
    },
  ];
}
