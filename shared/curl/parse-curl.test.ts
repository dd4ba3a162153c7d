import { describe, expect, it } from 'vitest';
import type { CurlRequest } from './curl-request';
import { parseCurl } from './parse-curl';

const parse = (text: string) => {
  const result = parseCurl(text);
  if (!result.ok) throw new Error(result.error);
  return result;
};

describe('parseCurl: what each option does to the request', () => {
  it.each<[string, string, Partial<CurlRequest>]>([
    [
      'a bare URL is a GET',
      'curl https://x.test/a',
      { method: 'GET', url: 'https://x.test/a', body: { mode: 'none' } },
    ],
    ['curl.exe and a path to curl', 'C:\\tools\\curl.exe https://x.test', { url: 'https://x.test' }],
    ['a shell prompt before curl', '$ curl https://x.test', { url: 'https://x.test' }],
    ['--url', 'curl --url https://x.test -k', { url: 'https://x.test', insecure: true }],
    ['-X attached', 'curl -XDELETE https://x.test', { method: 'DELETE' }],
    ['--request', 'curl --request PUT https://x.test', { method: 'PUT' }],
    ['-X wins over the body', 'curl -X GET https://x.test -d a=1', { method: 'GET' }],
    ['-I is HEAD', 'curl -I https://x.test', { method: 'HEAD' }],
    ['--head with -X', 'curl --head -X OPTIONS https://x.test', { method: 'OPTIONS' }],
    ['combined short flags', 'curl -sSLk https://x.test', { insecure: true }],
    [
      '--compressed and --no-compressed',
      'curl --compressed https://x --no-compressed',
      { compressed: false },
    ],
    [
      'a header with an empty value',
      "curl https://x -H 'x-empty;' -H 'Accept:  text/html '",
      {
        headers: [
          { name: 'x-empty', value: '' },
          { name: 'Accept', value: 'text/html' },
        ],
      },
    ],
    [
      '-b cookies merge into one Cookie header',
      "curl https://x -b 'a=1' -H 'x: y' -b 'b=2' -H 'Cookie: c=3'",
      {
        headers: [
          { name: 'Cookie', value: 'a=1; b=2; c=3' },
          { name: 'x', value: 'y' },
        ],
      },
    ],
    [
      '-A and -e',
      "curl https://x -A 'Lantern/1' -e 'https://from/;auto'",
      {
        headers: [
          { name: 'User-Agent', value: 'Lantern/1' },
          { name: 'Referer', value: 'https://from/' },
        ],
      },
    ],
    [
      '--oauth2-bearer',
      'curl https://x --oauth2-bearer t0k',
      { headers: [{ name: 'Authorization', value: 'Bearer t0k' }] },
    ],
    [
      '-u user:pass',
      "curl -u 'api:p@ss:word' https://x",
      { auth: { type: 'basic', username: 'api', password: 'p@ss:word' } },
    ],
    [
      'several -d joined with & become form fields',
      'curl https://x -d a=1 --data b=two+words --data-ascii c=%26',
      {
        method: 'POST',
        body: {
          mode: 'form-urlencoded',
          fields: [
            { name: 'a', value: '1' },
            { name: 'b', value: 'two words' },
            { name: 'c', value: '&' },
          ],
        },
      },
    ],
    [
      '--data-urlencode, curl rules',
      "curl https://x --data-urlencode 'q=fish & chips' --data-urlencode '=a b' --data-urlencode 'x!y'",
      {
        body: {
          mode: 'raw',
          text: 'q=fish%20%26%20chips&a%20b&x%21y',
          contentType: 'application/x-www-form-urlencoded',
        },
      },
    ],
    [
      "data that is not a=b stays raw with curl's type",
      "curl https://x --data-binary 'hello world'",
      { body: { mode: 'raw', text: 'hello world', contentType: 'application/x-www-form-urlencoded' } },
    ],
    [
      'a Content-Type header types the raw body',
      `curl https://x -H 'Content-Type: text/csv' --data-raw 'a=1'`,
      { body: { mode: 'raw', text: 'a=1', contentType: 'text/csv' } },
    ],
    [
      '--json sets the body, Content-Type and Accept',
      `curl https://x --json '{"a":' --json '1}'`,
      {
        method: 'POST',
        headers: [
          { name: 'Content-Type', value: 'application/json' },
          { name: 'Accept', value: 'application/json' },
        ],
        body: { mode: 'raw', text: '{"a":1}', contentType: 'application/json' },
      },
    ],
    [
      '--json keeps an Accept the command sets',
      `curl https://x -H 'accept: */*' --json '{}'`,
      {
        headers: [
          { name: 'accept', value: '*/*' },
          { name: 'Content-Type', value: 'application/json' },
        ],
      },
    ],
    [
      '-F text, file, type and quoted values',
      `curl https://x -F 'name=Ann' -F 'cv=@/home/ann/cv.pdf;type=application/pdf' -F 'note="a;b \\"c\\""' -F 'meta={};type=application/json' --form-string 'raw=@not-a-file'`,
      {
        method: 'POST',
        body: {
          mode: 'multipart',
          fields: [
            { name: 'name', value: 'Ann' },
            { name: 'cv', file: '/home/ann/cv.pdf', contentType: 'application/pdf' },
            { name: 'note', value: 'a;b "c"' },
            { name: 'meta', value: '{}', contentType: 'application/json' },
            { name: 'raw', value: '@not-a-file' },
          ],
        },
      },
    ],
    [
      '-G moves the data into the query',
      "curl -G https://x/search?lang=en -d q=lantern --data-urlencode 'page size=20'",
      { method: 'GET', url: 'https://x/search?lang=en&q=lantern&page size=20', body: { mode: 'none' } },
    ],
    ['-G on a URL without a query', 'curl https://x/search -G -d q=1', { url: 'https://x/search?q=1' }],
    ['glob escapes are removed', "curl 'https://x/a?f\\[0\\]=\\{1\\}'", { url: 'https://x/a?f[0]={1}' }],
    ['--globoff keeps the URL as written', "curl -g 'https://x/a?f[0]=1'", { url: 'https://x/a?f[0]=1' }],
    [
      'Host matching the URL and Content-Length are left to the sender',
      "curl https://x.test:8443/ -H 'Host: x.test:8443' -H 'Content-Length: 3' -H 'Host2: y'",
      { headers: [{ name: 'Host2', value: 'y' }] },
    ],
    [
      'a different Host is kept',
      "curl https://10.0.0.5/ -H 'Host: learn.example.com'",
      { headers: [{ name: 'Host', value: 'learn.example.com' }] },
    ],
    [
      'a multipart Content-Type header gives way to -F',
      "curl https://x -H 'Content-Type: multipart/form-data' -F a=1",
      { headers: [] },
    ],
  ])('%s', (_what, text, expected) => {
    expect(parse(text).request).toMatchObject(expected);
  });

  it('ignores options that only change how curl runs, without a word', () => {
    const result = parse(
      'curl -i -s -S -L --location -v --http2 --http1.1 -f -o out.json --max-time 5 --connect-timeout 2 -w "%{http_code}" https://x',
    );
    expect(result.warnings).toEqual([]);
    expect(result.request).toMatchObject({ method: 'GET', url: 'https://x' });
  });
});

describe('parseCurl: warnings name what did not carry over', () => {
  it.each([
    ['an unknown long option', 'curl --frobnicate https://x', /--frobnicate is not an option Lantern knows/],
    ['an unknown letter in a cluster', 'curl -sz https://x', /-z \(in -sz\) is not an option Lantern knows/],
    [
      'a proxy',
      'curl -x http://proxy:3128 https://x',
      /-x sends the request through a proxy: Lantern cannot do that/,
    ],
    ['a cookie file', 'curl -b cookies.txt https://x', /-b 'cookies\.txt' names a cookie file/],
    [
      'a data file',
      'curl -d @body.json https://x',
      /-d @body\.json sends the contents of the file "body\.json"/,
    ],
    ['--data-urlencode from a file', 'curl --data-urlencode q@q.txt https://x', /file "q\.txt"/],
    ['a -F text file', "curl -F 'bio=<bio.txt' https://x", /takes its text from the file "bio\.txt"/],
    ['a header file', 'curl -H @headers.txt https://x', /reads headers from a file/],
    [
      'a header that removes a header',
      "curl -H 'Accept:' https://x",
      /leave out a header it would add itself/,
    ],
    ['not a header', "curl -H 'Accept' https://x", /is not a header/],
    ['-u without a password', 'curl -u ann https://x', /has no password/],
    ['an upload', 'curl -T report.pdf https://x', /-T 'report\.pdf' uploads that file/],
    ['no scheme', 'curl x.test/a', /http:\/\/ was assumed/],
    ['a URL glob', "curl 'https://x/[1-3].json'", /URL globbing/],
    ['a second URL', 'curl https://a https://b', /only the first was imported \(also given: https:\/\/b\)/],
    ['--next', 'curl https://a --next https://b', /--next starts a second request/],
    ['a pipe', "curl 'https://x' | jq .", /piped into "jq \."/],
    ['an unquoted &', 'curl https://x/?a=1&b=2', /unquoted & was ignored \("b=2"\).*put that in quotes/],
    ['a shell variable', 'curl -H "Authorization: Bearer $TOKEN" https://x', /\$TOKEN is shell syntax/],
    ['a second command', 'curl https://x\necho done', /Only the first command was imported/],
    ['a digest login', 'curl --digest -u a:b https://x', /--digest uses HTTP Digest authentication/],
  ])('%s', (_what, text, warning) => {
    expect(parse(text).warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]));
  });

  it('-T makes the method PUT', () => {
    expect(parse('curl -T a.bin https://x').request.method).toBe('PUT');
  });
});

describe('parseCurl: input it cannot use is refused in plain words', () => {
  const BASH_HINT = /copied with "Copy as cURL \(bash\)" but read as Windows cmd/;
  const CMD_HINT = /copied with "Copy as cURL \(cmd\)" but read as bash/;
  it.each<[string, string, 'bash' | 'cmd' | undefined, RegExp[]]>([
    ['empty text', '  \n ', undefined, [/nothing to import/, /Copy as cURL/]],
    ['not curl', 'wget https://x', undefined, [/not a curl command: it starts with "wget"/]],
    [
      'fetch() code',
      'fetch("https://x", {"headers": {}});',
      undefined,
      [/JavaScript fetch\(\) code/, /Copy as cURL/],
    ],
    ['PowerShell', 'Invoke-WebRequest -UseBasicParsing -Uri "https://x"', undefined, [/PowerShell/]],
    ['no URL', 'curl -H "a: b"', undefined, [/has no URL/, /Add the address/]],
    ['an option without its value', "curl 'https://x' -H", undefined, [/The option -H needs a value/]],
    ['a long option without its value', 'curl https://x --data-raw', undefined, [/--data-raw needs a value/]],
    [
      'an unterminated quote',
      "curl 'https://x' -d '{\"a\":",
      undefined,
      [/never closed/, /copy it again in full/],
    ],
    ['not HTTP', 'curl ftp://x/file', undefined, [/ftp:\/\/, but Lantern sends HTTP requests only/]],
    ['a bad URL', "curl 'https://exa mple.com'", undefined, [/is not a valid URL/]],
    ['-d and -F together', 'curl https://x -d a=1 -F b=2', undefined, [/both data .* and form fields/]],
    [
      'lost continuations',
      "curl 'https://x'\n  -H 'a: b'",
      undefined,
      [/a line does not end with the continuation character/],
    ],
    ['bash quoting read as cmd', "curl 'https://x.test/' \\\n  -H 'accept: */*'", 'cmd', [BASH_HINT]],
    ['cmd quoting read as bash', 'curl ^"https://x.test/^" ^\n  -H ^"accept: */*^"', 'bash', [CMD_HINT]],
    [
      'a cmd paste cut short, read as bash',
      'curl ^"https://x.test/^" -d ^"{\'',
      'bash',
      [/never closed/, CMD_HINT],
    ],
  ])('%s', (_what, text, dialect, messages) => {
    const result = parseCurl(text, dialect ? { dialect } : {});
    expect(result.ok).toBe(false);
    for (const message of messages) expect(!result.ok && result.error).toMatch(message);
  });
});
