import { describe, expect, it } from 'vitest';
import type { CurlDialect, CurlRequest } from './curl-request';
import { parseCurl } from './parse-curl';
import { quoteBash, quoteCmd } from './shell-quote';
import { toCurl } from './to-curl';

const request = (overrides: Partial<CurlRequest>): CurlRequest => ({
  method: 'GET',
  url: 'https://learn.example.com/',
  headers: [],
  body: { mode: 'none' },
  insecure: false,
  compressed: false,
  ...overrides,
});

const ajax = request({
  method: 'POST',
  url: 'https://learn.example.com/totara/webapi/ajax.php',
  headers: [
    { name: 'content-type', value: 'application/json' },
    { name: 'Cookie', value: 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m' },
    { name: 'x-totara-sesskey', value: 'Xq9TzP2mKd' },
  ],
  body: {
    mode: 'raw',
    text: '{"operationName":"totara_webapi_status","variables":{}}',
    contentType: 'application/json',
  },
});

describe('toCurl writes what Chrome writes', () => {
  it.each<[string, CurlRequest, CurlDialect, string]>([
    ['a short GET on one line', request({}), 'bash', "curl 'https://learn.example.com/'"],
    [
      'the Totara AJAX request (bash)',
      ajax,
      'bash',
      [
        "curl 'https://learn.example.com/totara/webapi/ajax.php' \\",
        "  -H 'content-type: application/json' \\",
        "  -b 'TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m' \\",
        "  -H 'x-totara-sesskey: Xq9TzP2mKd' \\",
        `  --data-raw '{"operationName":"totara_webapi_status","variables":{}}'`,
      ].join('\n'),
    ],
    [
      'the Totara AJAX request (cmd)',
      ajax,
      'cmd',
      [
        'curl ^"https://learn.example.com/totara/webapi/ajax.php^" ^',
        '  -H ^"content-type: application/json^" ^',
        '  -b ^"TotaraSession=5q0hv2n8c1kd4lqe7rbbg1dq2m^" ^',
        '  -H ^"x-totara-sesskey: Xq9TzP2mKd^" ^',
        '  --data-raw ^"^{^\\^"operationName^\\^":^\\^"totara_webapi_status^\\^",^\\^"variables^\\^":^{^}^}^"',
      ].join('\n'),
    ],
    [
      'method, empty header, auth, form body, flags',
      request({
        method: 'PUT',
        url: 'https://x/a?f[0]=1',
        headers: [{ name: 'x-empty', value: '' }],
        auth: { type: 'basic', username: 'api', password: 'pw' },
        body: { mode: 'form-urlencoded', fields: [{ name: 'a b', value: 'c&d' }] },
        insecure: true,
        compressed: true,
      }),
      'bash',
      [
        "curl 'https://x/a?f\\[0\\]=1' \\",
        "  -X 'PUT' \\",
        "  -H 'x-empty;' \\",
        "  -u 'api:pw' \\",
        "  --data-raw 'a+b=c%26d' \\",
        '  --compressed \\',
        '  --insecure',
      ].join('\n'),
    ],
    ['HEAD as --head', request({ method: 'HEAD' }), 'bash', "curl 'https://learn.example.com/' --head"],
    [
      'a raw body with no Content-Type header gets one',
      request({ method: 'POST', body: { mode: 'raw', text: '<a/>', contentType: 'application/xml' } }),
      'bash',
      "curl 'https://learn.example.com/' \\\n  -H 'Content-Type: application/xml' \\\n  --data-raw '<a/>'",
    ],
    [
      'multipart as -F',
      request({
        method: 'POST',
        body: {
          mode: 'multipart',
          fields: [
            { name: 'title', value: 'Q3; final' },
            { name: 'file', file: '/tmp/r.pdf', contentType: 'application/pdf' },
          ],
        },
      }),
      'bash',
      `curl 'https://learn.example.com/' \\\n  -F 'title="Q3; final"' \\\n  -F 'file=@/tmp/r.pdf;type=application/pdf'`,
    ],
  ])('%s', (_what, input, dialect, expected) => {
    expect(toCurl(input, dialect)).toBe(expected);
  });
});

describe('quoting', () => {
  it.each([
    ['plain', 'a b', "'a b'", '^"a b^"'],
    ['a quote and !', "It's live!", "$'It\\'s live\\u0021'", '^"It\'s live^!^"'],
    ['control characters', 'a\nb\r\tc\\', "$'a\\nb\\r\\u0009c\\\\'", '^"a^\n\nb\r\tc^\\^\\^"'],
    ['percent and ampersand', '%PATH%&x', "'%PATH%&x'", '^"^%^PATH^%^&x^"'],
    ['double quotes', '{"a":1}', `'{"a":1}'`, '^"^{^\\^"a^\\^":1^}^"'],
  ])('%s', (_what, text, bash, cmd) => {
    expect(quoteBash(text)).toBe(bash);
    expect(quoteCmd(text)).toBe(cmd);
  });
});

const NASTY = [
  "It's 100% done! Really?",
  'C:\\Users\\ann\\ "quoted" \\"',
  'line one\nline two\r\nend\\',
  '%PATH% %^ ^^ & | < > ( ) $HOME `id` $(id) !!',
  'é ü 中文 😀 \u0080\u009f',
  '{"a":"b\\"c","d":[1,2]}',
  'trailing backslash \\',
  '   padded   ',
  '',
];

describe('round trip: parseCurl(toCurl(request)) is the request', () => {
  const cases = NASTY.flatMap((text): [string, CurlRequest][] => [
    [
      'raw body',
      request({
        method: 'POST',
        body: { mode: 'raw', text, contentType: 'text/plain' },
        headers: [{ name: 'Content-Type', value: 'text/plain' }],
      }),
    ],
    [
      'header value',
      request({ headers: [{ name: 'X-Note', value: text.trim() === '' ? 'x' : text.trim() }] }),
    ],
    [
      'form field',
      request({ method: 'POST', body: { mode: 'form-urlencoded', fields: [{ name: 'n', value: text }] } }),
    ],
    [
      'multipart field',
      request({ method: 'POST', body: { mode: 'multipart', fields: [{ name: 'n', value: text }] } }),
    ],
    ['password', request({ auth: { type: 'basic', username: 'ann', password: text } })],
  ]);

  it.each(
    cases.flatMap(([what, input]) =>
      (['bash', 'cmd'] as const).map((dialect) => [what, dialect, input] as const),
    ),
  )('%s in %s', (_what, dialect, input) => {
    const result = parseCurl(toCurl(input, dialect), { dialect });
    if (!result.ok) throw new Error(result.error);
    expect(result.request).toEqual(input);
  });

  it('keeps methods, flags, cookies and glob characters', () => {
    const input = request({
      method: 'PATCH',
      url: 'https://x/a?f[0]={1}&q=%41',
      headers: [
        { name: 'Cookie', value: 'a=1; b=%25' },
        { name: 'x-empty', value: '' },
      ],
      body: { mode: 'raw', text: 'ok', contentType: 'application/x-www-form-urlencoded' },
      insecure: true,
      compressed: true,
    });
    for (const dialect of ['bash', 'cmd'] as const) {
      const result = parseCurl(toCurl(input, dialect), { dialect });
      expect(result.ok && result.request).toEqual(input);
    }
  });
});
