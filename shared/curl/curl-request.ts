/** The two shells whose quoting browsers write when they "Copy as cURL". */
export type CurlDialect = 'bash' | 'cmd';

export interface CurlHeader {
  name: string;
  value: string;
}

export interface CurlFormField {
  name: string;
  value: string;
}

/** One `-F` part: text (`value`) or a local file to upload (`file`, a path). */
export interface CurlMultipartField {
  name: string;
  value?: string;
  file?: string;
  contentType?: string;
}

export type CurlBody =
  | { mode: 'none' }
  | { mode: 'raw'; text: string; contentType?: string }
  | { mode: 'form-urlencoded'; fields: CurlFormField[] }
  | { mode: 'multipart'; fields: CurlMultipartField[] };

export interface CurlBasicAuth {
  type: 'basic';
  username: string;
  password: string;
}

/** What a pasted curl command asks for, in the terms Lantern sends requests in. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: CurlHeader[];
  body: CurlBody;
  auth?: CurlBasicAuth;
  insecure: boolean;
  compressed: boolean;
}

export interface ParseCurlOptions {
  /** Force a dialect; by default it is guessed from the text (see `detectDialect`). */
  dialect?: CurlDialect;
}

export type ParseCurlResult =
  { ok: true; request: CurlRequest; warnings: string[] } | { ok: false; error: string };

/** curl sends `--data*` bodies with this type unless a Content-Type header says otherwise. */
export const CURL_DEFAULT_DATA_TYPE = 'application/x-www-form-urlencoded';
