/** What the parser does with an option. */
export type OptionAction =
  | 'url'
  | 'request'
  | 'header'
  | 'cookie'
  | 'data'
  | 'data-raw'
  | 'data-binary'
  | 'data-urlencode'
  | 'json'
  | 'form'
  | 'form-string'
  | 'user'
  | 'user-agent'
  | 'referer'
  | 'oauth2-bearer'
  | 'upload-file'
  | 'get'
  | 'head'
  | 'compressed'
  | 'insecure'
  | 'globoff'
  | 'next'
  /** Changes only how curl runs or prints, not the request: accepted without a word. */
  | 'ignore'
  /** Changes the request in a way Lantern cannot reproduce: accepted with a warning. */
  | 'unsupported';

export interface CurlOption {
  long: string;
  takesValue: boolean;
  action: OptionAction;
  /** For `unsupported`: what the option does, in a few words. */
  meaning?: string;
}

const option = (long: string, takesValue: boolean, action: OptionAction, meaning?: string): CurlOption => ({
  long,
  takesValue,
  action,
  ...(meaning ? { meaning } : {}),
});

const OPTIONS: readonly (readonly [string | null, CurlOption])[] = [
  [null, option('url', true, 'url')],
  ['X', option('request', true, 'request')],
  ['H', option('header', true, 'header')],
  ['b', option('cookie', true, 'cookie')],
  ['d', option('data', true, 'data')],
  [null, option('data-ascii', true, 'data')],
  [null, option('data-raw', true, 'data-raw')],
  [null, option('data-binary', true, 'data-binary')],
  [null, option('data-urlencode', true, 'data-urlencode')],
  [null, option('json', true, 'json')],
  ['F', option('form', true, 'form')],
  [null, option('form-string', true, 'form-string')],
  ['u', option('user', true, 'user')],
  ['A', option('user-agent', true, 'user-agent')],
  ['e', option('referer', true, 'referer')],
  [null, option('oauth2-bearer', true, 'oauth2-bearer')],
  ['T', option('upload-file', true, 'upload-file')],
  ['G', option('get', false, 'get')],
  ['I', option('head', false, 'head')],
  [null, option('compressed', false, 'compressed')],
  ['k', option('insecure', false, 'insecure')],
  ['g', option('globoff', false, 'globoff')],
  [':', option('next', false, 'next')],
  // How curl runs and reports: nothing to carry over.
  ['i', option('include', false, 'ignore')],
  ['s', option('silent', false, 'ignore')],
  ['S', option('show-error', false, 'ignore')],
  ['L', option('location', false, 'ignore')],
  [null, option('location-trusted', false, 'ignore')],
  ['v', option('verbose', false, 'ignore')],
  ['f', option('fail', false, 'ignore')],
  [null, option('fail-with-body', false, 'ignore')],
  ['N', option('no-buffer', false, 'ignore')],
  ['#', option('progress-bar', false, 'ignore')],
  [null, option('no-progress-meter', false, 'ignore')],
  ['O', option('remote-name', false, 'ignore')],
  ['J', option('remote-header-name', false, 'ignore')],
  [null, option('create-dirs', false, 'ignore')],
  ['0', option('http1.0', false, 'ignore')],
  [null, option('http1.1', false, 'ignore')],
  [null, option('http2', false, 'ignore')],
  [null, option('http2-prior-knowledge', false, 'ignore')],
  [null, option('http3', false, 'ignore')],
  [null, option('http3-only', false, 'ignore')],
  ['4', option('ipv4', false, 'ignore')],
  ['6', option('ipv6', false, 'ignore')],
  [null, option('raw', false, 'ignore')],
  [null, option('tr-encoding', false, 'ignore')],
  [null, option('path-as-is', false, 'ignore')],
  [null, option('basic', false, 'ignore')],
  [null, option('tcp-nodelay', false, 'ignore')],
  [null, option('no-keepalive', false, 'ignore')],
  [null, option('no-sessionid', false, 'ignore')],
  [null, option('ssl-no-revoke', false, 'ignore')],
  ['q', option('disable', false, 'ignore')],
  ['o', option('output', true, 'ignore')],
  [null, option('output-dir', true, 'ignore')],
  ['m', option('max-time', true, 'ignore')],
  [null, option('connect-timeout', true, 'ignore')],
  [null, option('max-redirs', true, 'ignore')],
  ['w', option('write-out', true, 'ignore')],
  [null, option('retry', true, 'ignore')],
  [null, option('retry-delay', true, 'ignore')],
  [null, option('retry-max-time', true, 'ignore')],
  ['c', option('cookie-jar', true, 'ignore')],
  ['D', option('dump-header', true, 'ignore')],
  [null, option('trace', true, 'ignore')],
  [null, option('trace-ascii', true, 'ignore')],
  [null, option('stderr', true, 'ignore')],
  [null, option('limit-rate', true, 'ignore')],
  // They change what is sent or where: Lantern cannot do the same, so it says so.
  ['x', option('proxy', true, 'unsupported', 'sends the request through a proxy')],
  ['U', option('proxy-user', true, 'unsupported', 'logs in to a proxy')],
  [null, option('noproxy', true, 'unsupported', 'bypasses a proxy for some hosts')],
  [null, option('cacert', true, 'unsupported', 'trusts an extra certificate authority')],
  [null, option('capath', true, 'unsupported', 'trusts extra certificate authorities')],
  ['E', option('cert', true, 'unsupported', 'sends a client certificate')],
  [null, option('key', true, 'unsupported', "sets the client certificate's key")],
  [null, option('resolve', true, 'unsupported', 'pins a host name to an address')],
  [null, option('connect-to', true, 'unsupported', 'connects to a different host')],
  ['r', option('range', true, 'unsupported', 'asks for part of the response')],
  ['K', option('config', true, 'unsupported', 'reads more options from a file')],
  [null, option('unix-socket', true, 'unsupported', 'connects through a Unix socket')],
  [null, option('aws-sigv4', true, 'unsupported', 'signs the request for AWS')],
  [null, option('digest', false, 'unsupported', 'uses HTTP Digest authentication')],
  [null, option('ntlm', false, 'unsupported', 'uses NTLM authentication')],
  [null, option('negotiate', false, 'unsupported', 'uses Negotiate (Kerberos) authentication')],
  [null, option('anyauth', false, 'unsupported', 'lets curl pick the authentication method')],
  ['n', option('netrc', false, 'unsupported', 'reads credentials from ~/.netrc')],
  [null, option('netrc-optional', false, 'unsupported', 'reads credentials from ~/.netrc')],
];

const BY_LONG = new Map(OPTIONS.map(([, spec]) => [spec.long, spec]));
const BY_SHORT = new Map(
  OPTIONS.filter((entry): entry is readonly [string, CurlOption] => entry[0] !== null).map(
    ([short, spec]) => [short, spec],
  ),
);

/** `--name`, or `--no-name` for an option that is a plain switch. */
export function findLongOption(name: string): { spec: CurlOption; negated: boolean } | undefined {
  const spec = BY_LONG.get(name);
  if (spec) return { spec, negated: false };
  const negated = name.startsWith('no-') ? BY_LONG.get(name.slice(3)) : undefined;
  return negated && !negated.takesValue ? { spec: negated, negated: true } : undefined;
}

export function findShortOption(letter: string): CurlOption | undefined {
  return BY_SHORT.get(letter);
}
