export type {
  CurlBasicAuth,
  CurlBody,
  CurlDialect,
  CurlFormField,
  CurlHeader,
  CurlMultipartField,
  CurlRequest,
  ParseCurlOptions,
  ParseCurlResult,
} from './curl-request';
export { CURL_DEFAULT_DATA_TYPE } from './curl-request';
export { parseCurl } from './parse-curl';
export { toCurl } from './to-curl';
export { detectDialect, splitShellWords, type ShellWordsResult } from './shell-words';
export { quoteBash, quoteCmd } from './shell-quote';
export {
  browserSessionFromCurl,
  canonicalHeaderName,
  cookiePairs,
  DEFAULT_CSRF_HEADER,
  isCookieHeaderName,
  isCsrfHeaderName,
  mergeCookieHeaders,
  SESSKEY_PARAM,
  sesskeyInQuery,
  withoutSesskeyValue,
  type BrowserSession,
  type BrowserSessionResult,
} from './browser-session';
