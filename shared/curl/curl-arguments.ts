import type { DataPart } from './curl-body';
import { findLongOption, findShortOption, type CurlOption } from './curl-options';
import type { CurlBasicAuth, CurlHeader, CurlMultipartField } from './curl-request';
import { encodeDataUrlencode } from './form-encoding';
import { parseFormOption } from './form-option';
import { readHeader } from './request-parts';

/** What curl's arguments ask for, before it is put together into a request. */
export interface Collected {
  urls: string[];
  method?: string;
  headers: CurlHeader[];
  cookies: string[];
  /** Where the first `-b` stood: the merged Cookie header takes its place. */
  cookieSlot?: CurlHeader;
  data: DataPart[];
  formFields: CurlMultipartField[];
  auth?: CurlBasicAuth;
  uploadFile?: string;
  get: boolean;
  head: boolean;
  compressed: boolean;
  insecure: boolean;
  globoff: boolean;
  warnings: string[];
}

export const emptyCollected = (warnings: string[]): Collected => ({
  urls: [],
  headers: [],
  cookies: [],
  data: [],
  formFields: [],
  get: false,
  head: false,
  compressed: false,
  insecure: false,
  globoff: false,
  warnings,
});

function applyOption(
  spec: CurlOption,
  shown: string,
  value: string,
  negated: boolean,
  into: Collected,
): 'stop' | void {
  const fileWarning = (file: string, what: string): void => {
    into.warnings.push(
      `${shown} @${file} sends the contents of the file "${file}" as ${what}, but Lantern only has the pasted` +
        ' text: paste the contents in instead.',
    );
  };
  switch (spec.action) {
    case 'url':
      into.urls.push(value);
      return;
    case 'request':
      into.method = value;
      return;
    case 'header': {
      const read = readHeader(value, shown);
      if (read.header) into.headers.push(read.header);
      if (read.warning) into.warnings.push(read.warning);
      return;
    }
    case 'cookie':
      if (!value.includes('=')) {
        into.warnings.push(
          `${shown} '${value}' names a cookie file (a value without "=" is a file for curl), which Lantern` +
            ' cannot read: add the cookies as name=value instead.',
        );
      } else {
        // The cookies join the Cookie header where the first -b stood.
        if (!into.cookieSlot) {
          into.cookieSlot = { name: 'Cookie', value: '' };
          into.headers.push(into.cookieSlot);
        }
        into.cookies.push(value);
      }
      return;
    case 'data':
    case 'data-binary':
    case 'json':
      if (value.startsWith('@')) fileWarning(value.slice(1), 'the body');
      into.data.push({ text: value, json: spec.action === 'json' });
      return;
    case 'data-raw':
      into.data.push({ text: value, json: false });
      return;
    case 'data-urlencode': {
      const encoded = encodeDataUrlencode(value);
      if (encoded.file !== undefined) fileWarning(encoded.file, 'part of the body');
      into.data.push({ text: encoded.text, json: false });
      return;
    }
    case 'form':
    case 'form-string': {
      const read = parseFormOption(value, spec.action === 'form-string');
      if (read.field) into.formFields.push(read.field);
      into.warnings.push(...read.warnings);
      return;
    }
    case 'user': {
      const colon = value.indexOf(':');
      if (colon < 0) {
        into.warnings.push(
          `${shown} '${value}' has no password (curl would ask for one): enter it in the request's authentication.`,
        );
      }
      into.auth = {
        type: 'basic',
        username: colon < 0 ? value : value.slice(0, colon),
        password: colon < 0 ? '' : value.slice(colon + 1),
      };
      return;
    }
    case 'user-agent':
      into.headers.push({ name: 'User-Agent', value });
      return;
    case 'referer': {
      const referer = value.replace(/;auto$/, '');
      if (referer !== '') into.headers.push({ name: 'Referer', value: referer });
      return;
    }
    case 'oauth2-bearer':
      into.headers.push({ name: 'Authorization', value: `Bearer ${value}` });
      return;
    case 'upload-file':
      into.uploadFile = value;
      into.warnings.push(
        `${shown} '${value}' uploads that file as the body, which Lantern cannot read: paste its contents as the body.`,
      );
      return;
    case 'get':
    case 'head':
    case 'compressed':
    case 'insecure':
    case 'globoff':
      into[spec.action] = !negated;
      return;
    case 'next':
      into.warnings.push(`${shown} starts a second request; only the first was imported.`);
      return 'stop';
    case 'unsupported':
      into.warnings.push(`${shown} ${spec.meaning ?? ''}: Lantern cannot do that, so it was left out.`);
      return;
    case 'ignore':
      return;
  }
}

const missingValue = (shown: string): string =>
  `The option ${shown} needs a value, but the command ends right after it. Add its value after ${shown}` +
  ' (in quotes if it has spaces), or remove the option.';

/** Walks curl's arguments (after `curl` itself); returns an error message for input curl itself would refuse. */
export function collectArguments(args: readonly string[], into: Collected): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i] ?? '';
    if (word.startsWith('--') && word.length > 2) {
      const found = findLongOption(word.slice(2));
      if (!found) {
        into.warnings.push(`${word} is not an option Lantern knows, so it was left out: check the request.`);
        continue;
      }
      const value = found.spec.takesValue ? args[++i] : '';
      if (value === undefined) return missingValue(word);
      if (applyOption(found.spec, word, value, found.negated, into) === 'stop') return undefined;
    } else if (word.startsWith('-') && word.length > 1) {
      for (let k = 1; k < word.length; k += 1) {
        const shown = `-${word.charAt(k)}`;
        const spec = findShortOption(word.charAt(k));
        if (!spec) {
          const what = k === 1 ? word : `${shown} (in ${word})`;
          into.warnings.push(
            `${what} is not an option Lantern knows, so it was left out: check the request.`,
          );
          break;
        }
        if (!spec.takesValue) {
          if (applyOption(spec, shown, '', false, into) === 'stop') return undefined;
          continue;
        }
        // A short option's value may be attached (-XPOST) or the next word (-X POST).
        const value = k + 1 < word.length ? word.slice(k + 1) : args[++i];
        if (value === undefined) return missingValue(shown);
        if (applyOption(spec, shown, value, false, into) === 'stop') return undefined;
        break;
      }
    } else {
      into.urls.push(word);
    }
  }
  return undefined;
}
