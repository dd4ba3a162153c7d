import { buildBody, joinDataParts } from './curl-body';
import { collectArguments, emptyCollected, type Collected } from './curl-arguments';
import type { CurlHeader, CurlRequest, ParseCurlOptions, ParseCurlResult } from './curl-request';
import { finishUrl } from './request-parts';
import { detectDialect, dialectMismatchHint, splitShellWords, type StoppedAt } from './shell-words';

const COPY_AS_CURL =
  'In the browser\'s Network tab, right-click the request and choose Copy → "Copy as cURL".';

const fail = (error: string): ParseCurlResult => ({ ok: false, error });

/** Text copied in another of the browser's "Copy as …" formats, named so the user can fix it. */
function otherFormat(text: string): string | undefined {
  if (/^\s*(await\s+)?fetch\s*\(/.test(text)) return 'JavaScript fetch() code';
  if (/Invoke-(WebRequest|RestMethod)|New-Object\s+Microsoft\.PowerShell/i.test(text))
    return 'a PowerShell command';
  return undefined;
}

const isCurlProgram = (word: string): boolean => /^curl(\.exe)?$/i.test(word.split(/[\\/]/).pop() ?? '');

function describeStop(stoppedAt: StoppedAt, hint: string): { error?: string; warning?: string } {
  const { operator, rest } = stoppedAt;
  if (operator === 'newline') {
    if (/^(-|\^|\$?')/.test(rest) || hint) {
      return {
        error:
          'The command goes on over several lines, but a line does not end with the continuation character' +
          ' (\\ in bash, ^ in Windows cmd), so a shell would stop there.' +
          (hint || ' Join the lines into one, or copy the command again.'),
      };
    }
    return { warning: `Only the first command was imported; the text after it was ignored: "${rest}".` };
  }
  if (operator === '|') return { warning: `curl's output was piped into "${rest}"; that part was ignored.` };
  if (operator === '<' || operator === '>') {
    return { warning: `The redirection "${operator} ${rest}" only concerns the shell, so it was ignored.` };
  }
  return {
    warning:
      `The text after an unquoted ${operator} was ignored ("${rest}"): a shell ends the command there.` +
      ' If it belongs to the URL or a value, put that in quotes.',
  };
}

/**
 * Reads a pasted curl command — as Chrome, Firefox, Safari, Burp or a person wrote it, for
 * bash or Windows cmd — into a request. Anything it cannot carry over is named in `warnings`;
 * input that is not a usable curl command gives an error that says what to do.
 */
export function parseCurl(text: string, options: ParseCurlOptions = {}): ParseCurlResult {
  if (text.trim() === '') {
    return fail(`There is nothing to import: the text is empty. ${COPY_AS_CURL} Then paste it here.`);
  }
  const format = otherFormat(text);
  if (format)
    return fail(`This is ${format}, not a curl command, so Lantern cannot read it. ${COPY_AS_CURL}`);

  const dialect = options.dialect ?? detectDialect(text);
  const hint = dialectMismatchHint(text, dialect);
  const split = splitShellWords(text, dialect);
  if (!split.ok) return fail(split.error + hint);
  const words = split.words[0] === '$' ? split.words.slice(1) : split.words;
  const program = words[0] ?? '';
  if (!isCurlProgram(program)) {
    return fail(
      `This is not a curl command: it starts with "${program.slice(0, 40)}" instead of "curl". ${COPY_AS_CURL}` +
        hint,
    );
  }
  const warnings = [...split.notes];
  if (split.stoppedAt) {
    const stop = describeStop(split.stoppedAt, hint);
    if (stop.error) return fail(stop.error);
    if (stop.warning) warnings.push(stop.warning);
  }

  const into = emptyCollected(warnings);
  const error = collectArguments(words.slice(1), into);
  if (error) return fail(error + hint);
  return assemble(into, hint);
}

function assemble(into: Collected, hint: string): ParseCurlResult {
  const { urls, warnings } = into;
  const [first, ...others] = urls;
  if (first === undefined) {
    return fail(
      'The curl command has no URL, so there is nowhere to send the request. Add the address' +
        " (for example 'https://example.com/api') after curl." +
        hint,
    );
  }
  if (others.length > 0) {
    warnings.push(
      `The command has more than one URL; only the first was imported (also given: ${others.join(', ')}).`,
    );
  }
  const hasData = into.data.length > 0;
  if (hasData && into.formFields.length > 0) {
    return fail(
      'The command sends both data (-d/--data…) and form fields (-F), which curl refuses: a request has one' +
        ' body. Keep one of them.',
    );
  }
  const query = into.get && hasData ? joinDataParts(into.data) : undefined;
  const url = finishUrl(first, { globoff: into.globoff, query });
  if (!url.ok) return fail(url.error + hint);
  warnings.push(...url.warnings);

  let headers = mergeCookies(into.headers, into.cookieSlot, into.cookies);
  headers = withoutDerivedHeaders(headers, url.url);
  const built = buildBody(query === undefined ? into.data : [], into.formFields, headers);
  warnings.push(...built.warnings);

  const hasBody = built.body.mode !== 'none';
  const implied = into.head ? 'HEAD' : into.uploadFile !== undefined ? 'PUT' : hasBody ? 'POST' : 'GET';
  const request: CurlRequest = {
    method: into.method ?? implied,
    url: url.url,
    headers: built.headers,
    body: built.body,
    insecure: into.insecure,
    compressed: into.compressed,
  };
  if (into.auth) request.auth = into.auth;
  return { ok: true, request, warnings };
}

/** curl sends one Cookie header: `-b` values and any `-H 'Cookie: …'` end up in the first. */
function mergeCookies(
  headers: readonly CurlHeader[],
  slot: CurlHeader | undefined,
  cookies: readonly string[],
): CurlHeader[] {
  const merged: CurlHeader[] = [];
  let cookieHeader: CurlHeader | undefined;
  for (const header of headers) {
    if (header.name.toLowerCase() !== 'cookie') {
      merged.push(header);
      continue;
    }
    const values = header === slot ? cookies : [header.value];
    if (cookieHeader) {
      cookieHeader.value = [cookieHeader.value, ...values].filter((value) => value !== '').join('; ');
    } else {
      cookieHeader = { name: header.name, value: values.join('; ') };
      merged.push(cookieHeader);
    }
  }
  return merged;
}

/** Headers the sender works out itself: a copied length or host would only go stale. */
function withoutDerivedHeaders(headers: CurlHeader[], url: string): CurlHeader[] {
  const host = new URL(url).host.toLowerCase();
  return headers.filter((header) => {
    const name = header.name.toLowerCase();
    return name !== 'content-length' && !(name === 'host' && header.value.trim().toLowerCase() === host);
  });
}
