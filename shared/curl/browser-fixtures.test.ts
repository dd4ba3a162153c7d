import { describe, expect, it } from 'vitest';
import type { CurlBody, CurlHeader, CurlRequest } from './curl-request';
import { parseCurl } from './parse-curl';
import { detectDialect } from './shell-words';
import { toCurl } from './to-curl';

/** Commands as Chrome (bash and cmd), Firefox, Safari and Burp write them: see fixtures/README.md. */
const fixtures = import.meta.glob<string>('./fixtures/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const headers = (...lines: string[]): CurlHeader[] =>
  lines.map((line) => {
    const colon = line.indexOf(': ');
    return colon < 0
      ? { name: line.replace(/;$/, ''), value: '' }
      : { name: line.slice(0, colon), value: line.slice(colon + 2) };
  });

const CHROME_UA =
  'user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36';
const FIREFOX_UA = 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_UA =
  'User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const SESSION = 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m';
const AJAX_ACCEPT = 'application/json, text/javascript, */*; q=0.01';

const GET_URL = 'https://api.ihasco.co.uk/users?filter[email]=ann%40example.com&page=2';
const GRAPHQL_URL = 'https://learn.example.com/api/graphql.php';
const TOKEN_URL = 'https://learn.example.com/totara/oauth2/token.php';
const UPLOAD_URL = 'https://learn.example.com/repository/repository_ajax.php?action=upload';
const AJAX_URL = 'https://learn.example.com/totara/webapi/ajax.php';

const CREATE_USER =
  '{"operationName":"create_user","query":"mutation create_user($input: core_user_create_user_input!) { core_user_create_user(input: $input) { user { id } } }","variables":{"input":{"username":"zoe","email":"zoe@example.com","firstname":"Zoë","lastname":"O\'Neil"}}}';
const AJAX_STATUS = '{"operationName":"totara_webapi_status","variables":{}}';

const base = { insecure: false, compressed: false };
const get = (list: CurlHeader[], extra: Partial<CurlRequest> = {}): CurlRequest => ({
  ...base,
  method: 'GET',
  url: GET_URL,
  headers: list,
  body: { mode: 'none' },
  ...extra,
});
const post = (url: string, list: CurlHeader[], body: CurlRequest['body'], extra: Partial<CurlRequest> = {}) =>
  ({ ...base, method: 'POST', url, headers: list, body, ...extra }) satisfies CurlRequest;
const json = (text: string) => ({ mode: 'raw', text, contentType: 'application/json' }) as const;
const tokenForm: CurlBody = {
  mode: 'form-urlencoded',
  fields: [
    { name: 'grant_type', value: 'client_credentials' },
    { name: 'client_id', value: 'lantern-7' },
    { name: 'client_secret', value: 's3cr+t/=' },
  ],
};
const upload: CurlBody = {
  mode: 'multipart',
  fields: [
    { name: 'itemid', value: '734216' },
    { name: 'title', value: 'Quarterly report' },
    { name: 'repo_upload_file', file: 'report.pdf', contentType: 'application/pdf' },
  ],
};
const FILE_LEFT_OUT = /"repo_upload_file" uploaded the file "report\.pdf".*choose the file again/;
const GLOBBING = /URL globbing/;

const chrome = {
  get: get(
    headers(
      'accept: application/json',
      'accept-language: en-GB,en-US;q=0.9,en;q=0.8',
      'authorization: Bearer 9f2c1e7a4b',
      'priority: u=1, i',
      'sec-ch-ua: "Chromium";v="128", "Not;A=Brand";v="24", "Google Chrome";v="128"',
      'sec-fetch-mode: cors',
      CHROME_UA,
      'x-request-id;',
    ),
  ),
  json: post(
    GRAPHQL_URL,
    headers(
      'accept: application/json',
      'authorization: Bearer 3f9d0c5e1a7b',
      'content-type: application/json',
      'origin: https://learn.example.com',
      CHROME_UA,
    ),
    json(CREATE_USER),
  ),
  form: post(
    TOKEN_URL,
    headers('accept: */*', 'content-type: application/x-www-form-urlencoded', CHROME_UA),
    tokenForm,
  ),
  multipart: post(
    UPLOAD_URL,
    headers('accept: */*', `Cookie: ${SESSION}`, 'origin: https://learn.example.com', CHROME_UA),
    upload,
  ),
  ajax: post(
    AJAX_URL,
    headers(
      `accept: ${AJAX_ACCEPT}`,
      'content-type: application/json',
      `Cookie: ${SESSION}; MOODLEID1_=%25D1%25A7%25F0`,
      'origin: https://learn.example.com',
      'referer: https://learn.example.com/totara/dashboard/index.php',
      CHROME_UA,
      'x-totara-sesskey: Xq9TzP2mKd',
    ),
    json(AJAX_STATUS),
  ),
};

const cases: [file: string, expected: CurlRequest, warnings: RegExp[]][] = [
  ['chrome-get.bash.txt', chrome.get, []],
  ['chrome-get.cmd.txt', chrome.get, []],
  ['chrome-json-post.bash.txt', chrome.json, []],
  ['chrome-json-post.cmd.txt', chrome.json, []],
  ['chrome-form-post.bash.txt', chrome.form, []],
  ['chrome-form-post.cmd.txt', chrome.form, []],
  ['chrome-multipart.bash.txt', chrome.multipart, [FILE_LEFT_OUT]],
  ['chrome-multipart.cmd.txt', chrome.multipart, [FILE_LEFT_OUT]],
  ['chrome-totara-ajax.bash.txt', chrome.ajax, []],
  ['chrome-totara-ajax.cmd.txt', chrome.ajax, []],
  [
    'chrome-ansi-c.bash.txt',
    {
      ...base,
      method: 'PATCH',
      url: 'https://api.ihasco.co.uk/users/ann@example.com',
      headers: headers(
        'accept: application/json',
        'authorization: Bearer 9f2c1e7a4b',
        'content-type: application/json',
      ),
      body: json('{"first_name":"Ann","last_name":"O\'Neil","note":"Welcome!\\nSee you Monday\n\tthanks"}'),
      insecure: true,
    },
    [],
  ],
  [
    'firefox-get.bash.txt',
    get(
      headers(
        FIREFOX_UA,
        'Accept: application/json',
        'Accept-Language: en-GB,en;q=0.5',
        'Accept-Encoding: gzip, deflate, br, zstd',
        'Authorization: Bearer 9f2c1e7a4b',
        'Connection: keep-alive',
        'Sec-Fetch-Mode: cors',
      ),
      { compressed: true },
    ),
    [],
  ],
  [
    'firefox-json-post.bash.txt',
    post(
      GRAPHQL_URL,
      headers(
        FIREFOX_UA,
        'Accept: application/json',
        'Content-Type: application/json',
        'Authorization: Bearer 3f9d0c5e1a7b',
        'Origin: https://learn.example.com',
        `Cookie: ${SESSION}`,
        'Sec-Fetch-Dest: empty',
      ),
      // Firefox writes ë as \xeb (one byte, not UTF-8) and ! as \x21.
      json(CREATE_USER.replace('"zoe@', '"zoe!@')),
    ),
    [],
  ],
  [
    'firefox-form-post.bash.txt',
    post(
      TOKEN_URL,
      headers(
        FIREFOX_UA,
        'Accept: */*',
        'Content-Type: application/x-www-form-urlencoded',
        'Origin: https://learn.example.com',
      ),
      tokenForm,
    ),
    [],
  ],
  [
    'firefox-multipart.bash.txt',
    post(
      UPLOAD_URL,
      headers(FIREFOX_UA, 'Accept: */*', 'Origin: https://learn.example.com', `Cookie: ${SESSION}`),
      upload,
    ),
    [FILE_LEFT_OUT],
  ],
  [
    'firefox-totara-ajax.bash.txt',
    post(
      AJAX_URL,
      headers(
        FIREFOX_UA,
        `Accept: ${AJAX_ACCEPT}`,
        'Accept-Encoding: gzip, deflate, br, zstd',
        'Content-Type: application/json',
        'X-Totara-Sesskey: Xq9TzP2mKd',
        'Origin: https://learn.example.com',
        `Cookie: ${SESSION}`,
      ),
      json(AJAX_STATUS),
      { compressed: true },
    ),
    [],
  ],
  [
    'safari-get.bash.txt',
    get(
      headers(
        'Accept: application/json',
        'Authorization: Bearer 9f2c1e7a4b',
        'Sec-Fetch-Site: same-origin',
        'Accept-Language: en-GB,en;q=0.9',
        'Accept-Encoding: gzip, deflate, br',
        SAFARI_UA,
      ),
    ),
    [],
  ],
  [
    'safari-json-post.bash.txt',
    post(
      GRAPHQL_URL,
      headers(
        'Content-Type: application/json',
        'Accept: application/json',
        'Authorization: Bearer 3f9d0c5e1a7b',
        'Origin: https://learn.example.com',
        SAFARI_UA,
      ),
      json(CREATE_USER),
    ),
    [],
  ],
  [
    'safari-form-post.bash.txt',
    post(
      TOKEN_URL,
      headers(
        'Content-Type: application/x-www-form-urlencoded',
        'Accept: */*',
        'Origin: https://learn.example.com',
        SAFARI_UA,
      ),
      tokenForm,
    ),
    [],
  ],
  [
    'safari-multipart.bash.txt',
    post(
      UPLOAD_URL,
      headers('Accept: */*', 'Origin: https://learn.example.com', `Cookie: ${SESSION}`, SAFARI_UA),
      upload,
    ),
    [FILE_LEFT_OUT],
  ],
  [
    'safari-totara-ajax.bash.txt',
    post(
      AJAX_URL,
      headers(
        'Content-Type: application/json',
        `Accept: ${AJAX_ACCEPT}`,
        'X-Totara-Sesskey: Xq9TzP2mKd',
        `Cookie: ${SESSION}`,
        'Origin: https://learn.example.com',
        SAFARI_UA,
      ),
      json(AJAX_STATUS),
    ),
    [],
  ],
  // Burp: Host (same as the URL's) and Content-Length are left to the sender; -k is --insecure.
  [
    'burp-get.bash.txt',
    get(
      headers(
        'Accept: application/json',
        'Authorization: Bearer 9f2c1e7a4b',
        'Accept-Encoding: gzip, deflate, br',
        'Connection: close',
      ),
      { insecure: true },
    ),
    [GLOBBING],
  ],
  [
    'burp-json-post.bash.txt',
    post(
      GRAPHQL_URL,
      headers('Content-Type: application/json', 'Authorization: Bearer 3f9d0c5e1a7b', 'Connection: close'),
      json(CREATE_USER),
      { insecure: true },
    ),
    [],
  ],
  [
    'burp-form-post.bash.txt',
    post(
      TOKEN_URL,
      headers('Content-Type: application/x-www-form-urlencoded', 'Connection: close'),
      tokenForm,
      { insecure: true },
    ),
    [],
  ],
  [
    'burp-multipart.bash.txt',
    post(UPLOAD_URL, headers('Connection: close', `Cookie: ${SESSION}`), upload, { insecure: true }),
    [FILE_LEFT_OUT],
  ],
  [
    'burp-totara-ajax.bash.txt',
    post(
      AJAX_URL,
      headers(
        `Accept: ${AJAX_ACCEPT}`,
        'Content-Type: application/json',
        'X-Totara-Sesskey: Xq9TzP2mKd',
        'Connection: close',
        `Cookie: ${SESSION}`,
      ),
      json(AJAX_STATUS),
      { insecure: true },
    ),
    [],
  ],
];

const textOf = (file: string): string => {
  const text = fixtures[`./fixtures/${file}`];
  if (text === undefined) throw new Error(`missing fixture ${file}`);
  return text;
};

describe('commands copied from browsers and Burp', () => {
  it('has an expectation for every fixture file', () => {
    const files = Object.keys(fixtures).map((path) => path.replace('./fixtures/', ''));
    expect(files.sort()).toEqual(cases.map(([file]) => file).sort());
  });

  it.each(cases)('%s parses to the captured request', (file, expected, warnings) => {
    const text = textOf(file);
    expect(detectDialect(text)).toBe(file.endsWith('.cmd.txt') ? 'cmd' : 'bash');
    const result = parseCurl(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.request).toEqual(expected);
    expect(result.warnings).toHaveLength(warnings.length);
    warnings.forEach((pattern, index) => expect(result.warnings[index]).toMatch(pattern));
  });

  it.each(cases.flatMap(([file]) => (['bash', 'cmd'] as const).map((dialect) => [file, dialect] as const)))(
    '%s survives export to %s and import again',
    (file, dialect) => {
      const first = parseCurl(textOf(file));
      if (!first.ok) throw new Error(first.error);
      const again = parseCurl(toCurl(first.request, dialect), { dialect });
      if (!again.ok) throw new Error(again.error);
      expect(again.request).toEqual(first.request);
    },
  );
});
