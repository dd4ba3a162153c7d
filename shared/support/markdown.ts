import type { Evidence } from '../diagnose/types';
import type { SupportView } from './prepare';

/** A fence longer than any run of backticks in the text, so no body can close it early. */
function fenced(text: string, language = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

const headerBlock = (headers: [string, string][]) =>
  headers.length ? fenced(headers.map(([n, v]) => `${n}: ${v}`).join('\n'), 'http') : '_(none)_';

function languageOf(mimeType: string): string {
  if (/json/i.test(mimeType)) return 'json';
  if (/html/i.test(mimeType)) return 'html';
  if (/xml/i.test(mimeType)) return 'xml';
  return '';
}

function evidenceLine(evidence: Evidence): string {
  const where = evidence.name ? `${evidence.kind} \`${evidence.name}\`` : evidence.kind;
  return evidence.value === undefined ? where : `${where}: \`${evidence.value.replace(/`/g, "'")}\``;
}

function timingLine(view: SupportView): string | undefined {
  const t = view.timings;
  if (!t) return undefined;
  const parts = [
    t.dnsMs !== undefined && `DNS ${Math.round(t.dnsMs)} ms`,
    t.connectMs !== undefined && `connect ${Math.round(t.connectMs)} ms`,
    t.tlsMs !== undefined && `TLS ${Math.round(t.tlsMs)} ms`,
    t.redirectMs !== undefined && `redirects ${Math.round(t.redirectMs)} ms`,
    `first byte ${Math.round(t.firstByteMs)} ms`,
    `download ${Math.round(t.downloadMs)} ms`,
  ].filter((part): part is string => typeof part === 'string');
  return `Total ${Math.round(t.totalMs)} ms (${parts.join(', ')})${view.startedAt ? `, started ${view.startedAt}` : ''}.`;
}

/** The bundle as Markdown, for an email or a ticket (iHASCO's support checklist, in its order). */
export function toMarkdown(view: SupportView): string {
  const lines: string[] = ['# Lantern support bundle', ''];
  lines.push(
    `Made by Lantern ${view.version} on ${view.generatedAt}. Secrets, tokens, cookies and sesskeys are masked (••••); nothing else is changed.`,
    '',
  );
  if (view.client) {
    const { label, clientId, kind } = view.client;
    const who = [label && `credential "${label}"`, kind, clientId && `client id \`${clientId}\``];
    lines.push(`**Account:** ${who.filter(Boolean).join(', ')}`, '');
  }
  const { request, response } = view;
  lines.push('## Request', '', `\`${request.method} ${request.url}\``, '', '### Request headers', '');
  lines.push(headerBlock(request.headers), '');
  if (request.body) {
    lines.push(`### Request body (${request.body.mimeType})`, '');
    if (request.body.text !== undefined)
      lines.push(fenced(request.body.text, languageOf(request.body.mimeType)), '');
    else if (request.body.params)
      lines.push(fenced(request.body.params.map((p) => `${p.name}=${p.value}`).join('\n')), '');
    if (request.body.note) lines.push(`_${request.body.note}_`, '');
  }
  if (response) {
    lines.push('## Response', '', `**Status:** ${response.status} ${response.statusText}`.trim(), '');
    if (response.url && response.url !== request.url) lines.push(`**Answered by:** ${response.url}`, '');
    const timing = timingLine(view);
    if (timing) lines.push(`**Timing:** ${timing}`, '');
    if (view.redirects)
      lines.push(
        '**Redirects:**',
        ...view.redirects.map((hop) => `- ${hop.status} ${hop.method} ${hop.url} → ${hop.location}`),
        '',
      );
    lines.push('### Response headers', '', headerBlock(response.headers), '');
    lines.push(
      `### Response body (${response.mimeType}, ${response.bodyBytes.toLocaleString('en')} bytes)`,
      '',
    );
    if (response.bodyText !== undefined)
      lines.push(fenced(response.bodyText, languageOf(response.mimeType)), '');
    if (response.bodyNote) lines.push(`_${response.bodyNote}_`, '');
  }
  if (view.error) {
    lines.push('## The request failed', '', `**${view.error.code}:** ${view.error.message}`, '');
  }
  if (view.notes?.length) lines.push('## Notes', '', ...view.notes.map((note) => `- ${note}`), '');
  lines.push('## Findings', '');
  if (view.findings.length === 0) lines.push('_Lantern found nothing to point out._', '');
  view.findings.forEach((finding, index) => {
    lines.push(
      `${index + 1}. **[${finding.severity}] ${finding.title}** (\`${finding.id}\`)`,
      `   ${finding.explanation}`,
      `   _Fix:_ ${finding.fix}`,
      ...finding.evidence.map((evidence) => `   - ${evidenceLine(evidence)}`),
    );
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
