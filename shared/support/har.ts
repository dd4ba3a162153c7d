import type { SupportView } from './prepare';

/** HAR times are milliseconds; a thousandth is more than any tool shows. */
const ms = (value: number) => Math.round(value * 1000) / 1000;

const nameValue = (headers: [string, string][]) => headers.map(([name, value]) => ({ name, value }));

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** HAR 1.2 timings: every phase we did not measure is -1; send, wait and receive must be numbers. */
function harTimings(view: SupportView) {
  const t = view.timings;
  if (!t) return { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 };
  const dns = t.dnsMs ?? -1;
  const ssl = t.tlsMs ?? -1;
  // HAR counts the TLS handshake inside `connect`.
  const connect = t.connectMs === undefined ? -1 : t.connectMs + Math.max(0, ssl);
  const before = Math.max(0, dns) + Math.max(0, connect) + Math.max(0, t.redirectMs ?? 0);
  return {
    blocked: ms(t.redirectMs ?? -1),
    dns: ms(dns),
    connect: ms(connect),
    ssl: ms(ssl),
    send: 0,
    wait: ms(Math.max(0, t.firstByteMs - before)),
    receive: ms(Math.max(0, t.downloadMs)),
  };
}

function clientWords(client: SupportView['client']): string {
  if (!client) return '';
  const label = client.label ? ` for "${client.label}"` : '';
  return `${label}${client.clientId ? ` (client id ${client.clientId})` : ''}`;
}

/** The bundle as HAR 1.2 (one entry), for tools; findings go in `_findings` and the comment. */
export function toHar(view: SupportView): string {
  const { request, response } = view;
  const postData = request.body && {
    mimeType: request.body.mimeType,
    text: request.body.text ?? '',
    ...(request.body.params ? { params: request.body.params } : {}),
    ...(request.body.note ? { comment: request.body.note } : {}),
  };
  const entry = {
    startedDateTime: view.startedAt ?? view.generatedAt,
    time: ms(view.timings?.totalMs ?? 0),
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValue(request.headers),
      queryString: queryOf(request.url),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValue(response?.headers ?? []),
      content: {
        size: response?.bodyBytes ?? 0,
        mimeType: response?.mimeType ?? 'x-unknown',
        ...(response?.bodyText !== undefined ? { text: response.bodyText } : {}),
        ...(response?.bodyNote ? { comment: response.bodyNote } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: response?.wireBytes ?? -1,
      ...(view.error ? { _error: view.error, comment: `The request failed: ${view.error.message}` } : {}),
    },
    cache: {},
    timings: harTimings(view),
    comment: view.findings.map((f) => `[${f.severity}] ${f.title}`).join('\n'),
    _findings: view.findings,
    ...(view.notes ? { _notes: view.notes } : {}),
  };
  const log = {
    version: '1.2',
    creator: { name: 'Lantern', version: view.version },
    pages: [],
    entries: [entry],
    comment: `Lantern support bundle made ${view.generatedAt}${clientWords(view.client)}. Secrets, tokens, cookies and sesskeys are masked (••••).`,
    ...(view.client ? { _client: view.client } : {}),
  };
  return `${JSON.stringify({ log }, null, 2)}\n`;
}
