import type { Finding } from '../diagnose/types';
import type { Exchange, RedirectHop, Timings } from '../model/response';
import { maskHeaderList, maskText, maskUrl } from './mask';
import { DEFAULT_BODY_LIMIT, type SupportBundleInput, type SupportRequestBody } from './types';

/** Everything the bundle shows, already masked and cut: the formats only lay it out. */
export type SupportView = {
  version: string;
  generatedAt: string;
  client?: { label?: string; clientId?: string; kind?: string };
  request: { method: string; url: string; headers: [string, string][]; body?: SupportRequestBody };
  response?: {
    status: number;
    statusText: string;
    url?: string;
    headers: [string, string][];
    mimeType: string;
    bodyText?: string;
    bodyEncoding?: 'base64';
    /** Why the body is cut or left out. */
    bodyNote?: string;
    bodyBytes: number;
    wireBytes?: number;
  };
  startedAt?: string;
  timings?: Timings;
  redirects?: RedirectHop[];
  notes?: string[];
  error?: { code: string; message: string };
  findings: Finding[];
};

export function prepareSupportView(input: SupportBundleInput): SupportView {
  const secrets = input.secrets;
  const text = (value: string) => maskText(value, secrets);
  const { request, exchange } = input;
  const body = request.body && {
    ...request.body,
    text: request.body.text === undefined ? undefined : text(request.body.text),
    params: request.body.params?.map((p) => maskedParam(p, secrets)),
  };
  const view: SupportView = {
    version: input.lanternVersion,
    generatedAt: new Date(input.generatedAt).toISOString(),
    request: {
      method: request.method,
      url: maskUrl(request.url, secrets),
      headers: maskHeaderList(request.headers, secrets),
      body,
    },
    findings: input.findings.map((finding) => JSON.parse(text(JSON.stringify(finding))) as Finding),
  };
  if (input.client) view.client = { ...input.client };
  if (input.error) view.error = { code: input.error.code, message: text(input.error.message) };
  if (!exchange) return view;
  const response = exchange.response;
  const limit = Math.max(0, input.bodyLimit ?? DEFAULT_BODY_LIMIT);
  view.response = {
    status: response.status,
    statusText: response.statusText,
    url: response.url && maskUrl(response.url, secrets),
    headers: maskHeaderList(response.headers, secrets),
    mimeType: response.body.contentType || 'application/octet-stream',
    bodyBytes: response.bodyBytes,
    wireBytes: response.wireBytes,
    ...responseBody(response.body, response.bodyBytes, limit, secrets),
  };
  view.startedAt = exchange.startedAt;
  view.timings = exchange.timings;
  if (exchange.redirects?.length)
    view.redirects = exchange.redirects.map((hop) => ({
      ...hop,
      url: maskUrl(hop.url, secrets),
      location: maskUrl(hop.location, secrets),
    }));
  if (exchange.notes?.length) view.notes = exchange.notes.map(text);
  return view;
}

function maskedParam(param: { name: string; value: string }, secrets: readonly string[]) {
  // A form is `name=value` on the wire: masking that line masks a secret-named field too.
  const line = maskText(`${param.name}=${param.value}`, secrets);
  const at = line.indexOf('=');
  return { name: maskText(param.name, secrets), value: at < 0 ? '' : line.slice(at + 1) };
}

type ResponseBody = Exchange['response']['body'];

function responseBody(body: ResponseBody, bodyBytes: number, limit: number, secrets: readonly string[]) {
  if (body.encoding === 'base64') {
    return { bodyNote: `Binary body (${bodyBytes.toLocaleString('en')} bytes): not included.` };
  }
  const notes: string[] = [];
  // Masked before it is cut: a secret cut in half at the limit would leave its start readable.
  let shown = maskText(body.text, secrets);
  if (shown.length > limit) {
    shown = shown.slice(0, limit);
    notes.push(
      `Truncated: the first ${limit.toLocaleString('en')} characters of ${body.text.length.toLocaleString('en')} are shown.`,
    );
  }
  if (body.truncated || body.stored) {
    notes.push(`Lantern kept only the start of this body (${bodyBytes.toLocaleString('en')} bytes in all).`);
  }
  return { bodyText: shown, bodyNote: notes.length ? notes.join(' ') : undefined };
}
