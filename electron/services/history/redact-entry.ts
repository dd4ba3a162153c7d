import { maskSecret } from '../../../shared/model/auth';
import type { HistoryEntry } from '../../../shared/model/history';
import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { maskValue } from '../../../shared/redact/mask-headers';
import { secretForms } from '../../../shared/redact/secret-forms';
import { isSecretName, maskJsonFields, maskSecretQueryParams } from './secret-fields';

const MASK = '••••';
/** Shorter "secrets" would mask ordinary words and digits all over the entry. */
const MIN_SECRET_LENGTH = 4;

type Header = [string, string];

/**
 * Removes every secret from an entry before it touches the disk: the known secret values (and their
 * URL- and JSON-escaped forms) wherever they appear, secret-named JSON fields and query parameters,
 * and the values of credential headers (Authorization, Cookie, Set-Cookie…).
 */
export function redactEntry(entry: HistoryEntry, secrets: readonly string[]): HistoryEntry {
  const found: string[] = [];
  const draft = maskDraftBody(entry.draft, found);
  const exchange = entry.exchange && maskResponseBody(entry.exchange, found);
  const replace = secretReplacer([...secrets, ...found]);
  const binaryBody = exchange?.response.body.encoding === 'base64' ? exchange.response.body.text : undefined;

  // Every string of the entry, whatever fields the exchange grows, goes through the replacer.
  const walked = mapStrings(
    {
      ...entry,
      draft,
      exchange: exchange && binaryBody !== undefined ? withBodyText(exchange, '') : exchange,
    },
    replace.text,
  ) as HistoryEntry;

  const result: HistoryEntry = {
    ...walked,
    draft: {
      ...walked.draft,
      url: maskSecretQueryParams(walked.draft.url),
      headers: walked.draft.headers.map((row) => ({ ...row, value: maskHeaderValue(row.name, row.value) })),
    },
  };
  if (walked.exchange) {
    const ex = walked.exchange;
    result.exchange = {
      ...ex,
      request: {
        ...ex.request,
        url: maskSecretQueryParams(ex.request.url),
        headers: maskHeaders(ex.request.headers),
      },
      response: {
        ...ex.response,
        url: ex.response.url === undefined ? undefined : maskSecretQueryParams(ex.response.url),
        headers: maskHeaders(ex.response.headers),
        body:
          binaryBody === undefined
            ? ex.response.body
            : { ...ex.response.body, text: replace.base64(binaryBody) },
      },
      redirects: ex.redirects?.map((hop) => ({
        ...hop,
        url: maskSecretQueryParams(hop.url),
        location: maskSecretQueryParams(hop.location),
        // A redirect's Location can carry a sesskey or token in its query, as `hop.location` does.
        ...(hop.headers
          ? {
              headers: maskHeaders(hop.headers).map(([name, value]): Header =>
                name.toLowerCase() === 'location' ? [name, maskSecretQueryParams(value)] : [name, value],
              ),
            }
          : {}),
      })),
    };
  }
  result.summary = { ...walked.summary, url: maskSecretQueryParams(walked.summary.url) };
  return result;
}

/** Secret-named JSON fields of a text body, and secret-named rows of a form or multipart body. */
function maskDraftBody(draft: RequestDraft, found: string[]): RequestDraft {
  const { body } = draft;
  const disabledParams = draft.disabledParams?.map((row) => maskNamedRow(row, found));
  const withParams = disabledParams ? { ...draft, disabledParams } : draft;
  if ('text' in body) {
    const masked = maskJsonFields(body.text);
    if (!masked) return withParams;
    found.push(...masked.values);
    return { ...withParams, body: { ...body, text: masked.text } };
  }
  if (body.mode === 'form-urlencoded')
    return { ...withParams, body: { ...body, fields: body.fields.map((row) => maskNamedRow(row, found)) } };
  if (body.mode === 'multipart')
    return {
      ...withParams,
      body: {
        ...body,
        fields: body.fields.map((field) => (field.kind === 'text' ? maskNamedRow(field, found) : field)),
      },
    };
  return withParams;
}

function maskNamedRow<T extends { name: string; value: string }>(row: T, found: string[]): T {
  if (!isSecretName(row.name) || row.value === '' || row.value.includes('{{') || row.value.includes(MASK))
    return row;
  found.push(row.value);
  return { ...row, value: maskSecret(row.value) };
}

/** Secret-named JSON fields of the response body and of the request body as sent. */
function maskResponseBody(exchange: Exchange, found: string[]): Exchange {
  const sent = exchange.request.body;
  const sentMasked = sent?.kind === 'text' ? maskJsonFields(sent.text) : null;
  if (sentMasked) found.push(...sentMasked.values);
  const withRequest: Exchange =
    sent && sentMasked
      ? { ...exchange, request: { ...exchange.request, body: { ...sent, text: sentMasked.text } } }
      : exchange;
  const { body } = withRequest.response;
  if (body.encoding !== 'utf8') return withRequest;
  const masked = maskJsonFields(body.text);
  if (!masked) return withRequest;
  found.push(...masked.values);
  return withBodyText(withRequest, masked.text);
}

export function withBodyText(exchange: Exchange, text: string): Exchange {
  return { ...exchange, response: { ...exchange.response, body: { ...exchange.response.body, text } } };
}

function maskHeaders(headers: readonly Header[]): Header[] {
  return headers.map(([name, value]) => [name, maskHeaderValue(name, value)]);
}

/** Credential headers by name; a `{{variable}}` reference or an already-masked value is left as it is. */
function maskHeaderValue(name: string, value: string): string {
  if (value.includes('{{') || value.includes(MASK)) return value;
  return maskValue(name, value, []);
}

interface Replacer {
  text: (value: string) => string;
  base64: (value: string) => string;
}

/** The replacer of the last list of secrets: consecutive sends mostly use the same ones. */
let lastReplacer: { key: string; replacer: Replacer } | undefined;

/** Replaces each secret, as written, URL-encoded or JSON-escaped, with its masked preview. */
export function secretReplacer(secrets: readonly string[]): Replacer {
  // Building one costs more than the rest of a small entry's redaction (the forms of each secret,
  // sorted); the list's exact text is the key, so any change in it builds a new one.
  const key = secrets.join('\u0000');
  if (lastReplacer?.key === key) return lastReplacer.replacer;
  const replacer = buildReplacer(secrets);
  lastReplacer = { key, replacer };
  return replacer;
}

function buildReplacer(secrets: readonly string[]): Replacer {
  const pairs = new Map<string, string>();
  for (const secret of new Set(secrets)) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const mask = maskSecret(secret);
    const forms = secretForms(secret);
    for (const form of forms) if (!pairs.has(form)) pairs.set(form, mask);
  }
  // Longest first, so a secret that contains another is masked whole.
  const ordered = [...pairs].sort(([a], [b]) => b.length - a.length);
  return {
    text: ordered.length <= FEW_SECRETS ? replaceEach(ordered) : replaceInOnePass(ordered),
    base64: (value) => {
      let bytes = Buffer.from(value, 'base64');
      let changed = false;
      for (const [form, mask] of ordered) {
        const needle = Buffer.from(form);
        const replacement = Buffer.from(mask);
        let at = bytes.indexOf(needle);
        if (at < 0) continue;
        const parts: Buffer[] = [];
        let from = 0;
        while (at >= 0) {
          parts.push(bytes.subarray(from, at), replacement);
          from = at + needle.length;
          at = bytes.indexOf(needle, from);
        }
        parts.push(bytes.subarray(from));
        bytes = Buffer.concat(parts);
        changed = true;
      }
      return changed ? bytes.toString('base64') : value;
    },
  };
}

/** Up to this many, one native split/join per secret is fastest; beyond, one pass per string. */
const FEW_SECRETS = 32;

function replaceEach(ordered: [string, string][]): (value: string) => string {
  return (value) => {
    let out = value;
    for (const [form, mask] of ordered) if (out.includes(form)) out = out.split(form).join(mask);
    return out;
  };
}

/**
 * A token response of thousands of rows yields thousands of secret values: look each position up
 * in a set (by its first characters, then by each secret length, longest first) instead of
 * searching the whole text once per secret.
 */
function replaceInOnePass(ordered: [string, string][]): (value: string) => string {
  const masks = new Map(ordered);
  const prefixes = new Set(ordered.map(([form]) => form.slice(0, MIN_SECRET_LENGTH)));
  const lengths = [...new Set(ordered.map(([form]) => form.length))].sort((x, y) => y - x);
  return (value) => {
    const parts: string[] = [];
    let copied = 0;
    let i = 0;
    while (i <= value.length - MIN_SECRET_LENGTH) {
      let matched = 0;
      if (prefixes.has(value.slice(i, i + MIN_SECRET_LENGTH))) {
        for (const length of lengths) {
          const mask = masks.get(value.slice(i, i + length));
          if (mask === undefined) continue;
          parts.push(value.slice(copied, i), mask);
          matched = length;
          break;
        }
      }
      i += matched || 1;
      if (matched) copied = i;
    }
    if (parts.length === 0) return value;
    parts.push(value.slice(copied));
    return parts.join('');
  };
}

/**
 * A JSON-like value with `fn` applied to every string in it (object keys excepted). Copy on write:
 * an array or object none of whose strings changed is returned as it is, not copied (the
 * rate-limit view's 50 samples, most headers), so the result may share parts with `value`.
 */
export function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const mapped = mapStrings(item, fn);
      if (mapped !== item) (out ??= value.slice())[i] = mapped;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    // Keys, not entries: no [key, value] pair is allocated per field of every entry.
    for (const key of Object.keys(value)) {
      const field = (value as Record<string, unknown>)[key];
      const mapped = mapStrings(field, fn);
      if (mapped !== field) (out ??= { ...(value as Record<string, unknown>) })[key] = mapped;
    }
    return out ?? value;
  }
  return value;
}
