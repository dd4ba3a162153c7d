import { parseHttpDate } from '../ratelimit';
import type { HeaderContext, HeaderExplanation } from './types';
import { formatDuration, formatSeconds, formatUtc, listInWords, splitList } from './words';

const REDIRECTS: Record<number, string> = {
  301: 'moved permanently; clients usually repeat a POST as a GET here, dropping the body',
  302: 'a temporary redirect; clients usually repeat a POST as a GET here, dropping the body',
  303: 'see other: fetch the result with a GET',
  307: 'a temporary redirect that keeps the method and body',
  308: 'a permanent redirect that keeps the method and body',
};

export function explainLocation(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const { status } = context;
  const details: string[] = [];
  let summary: string;
  let severity: HeaderExplanation['severity'];
  const redirect = REDIRECTS[status];
  if (redirect) {
    summary = `Redirects to ${value}: ${redirect}.`;
    if (status === 301 || status === 302) {
      severity = 'warning';
      details.push(
        'If the request was a POST (as every GraphQL call is), the redirected GET will likely fail: Totara answers "only POST method is allowed". Use the final URL directly.',
      );
    }
  } else if (status === 201) {
    summary = `The new resource was created at ${value}.`;
  } else if (status >= 300 && status < 400) {
    summary = `Redirects (status ${status}) to ${value}.`;
  } else {
    summary = `Points to ${value}; with status ${status} clients do not follow it.`;
  }
  if (/^http:\/\//i.test(value.trim())) {
    details.push('The target is plain http://: anything sent there, tokens included, travels unencrypted.');
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value.trim()))
    details.push('A relative URL, resolved against the request URL.');
  return { name, title: 'Location', summary, details, severity, category: 'other' };
}

export function explainAllow(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const methods = splitList(value);
  const list = methods.length > 0 ? listInWords(methods) : 'no method at all';
  return {
    name,
    title: 'Allowed methods',
    summary:
      context.status === 405
        ? `This URL accepts only ${list}; the method sent is not among them. Resend with one of these.`
        : `This URL supports ${list}.`,
    severity: context.status === 405 ? 'warning' : undefined,
    category: 'other',
  };
}

const SERVERS: [RegExp, string][] = [
  [/cloudflare/i, 'Cloudflare (a CDN/proxy in front of the real server)'],
  [/AmazonS3/i, 'Amazon S3'],
  [/awselb|elb/i, 'an AWS load balancer'],
  [/^nginx/i, 'nginx'],
  [/^apache/i, 'Apache httpd'],
  [/microsoft-iis/i, 'Microsoft IIS'],
  [/envoy/i, 'Envoy (a proxy or service mesh)'],
  [/litespeed/i, 'LiteSpeed'],
  [/gunicorn|uvicorn/i, 'a Python app server'],
  [/kestrel/i, 'ASP.NET Kestrel'],
];

export function explainServer(name: string, value: string): HeaderExplanation {
  const known = SERVERS.find(([pattern]) => pattern.test(value))?.[1];
  const version = /\/\s*(\d[\w.]*)/.exec(value)?.[1];
  return {
    name,
    title: 'Server software',
    summary: `The answering server calls itself ${known ?? value}${version ? `, version ${version}` : ''}.`,
    details: ['Only a label: a proxy, load balancer or CDN in front may put its own name here.'],
    category: 'other',
  };
}

export function explainDate(name: string, value: string, context: HeaderContext): HeaderExplanation {
  const nowMs = context.nowMs ?? Date.now();
  const at = parseHttpDate(value.trim(), nowMs);
  if (at === undefined) {
    return {
      name,
      title: 'Server time',
      summary: `"${value}" is not a valid HTTP date.`,
      category: 'other',
    };
  }
  const received = context.receivedAtMs;
  const skew = received === undefined ? 0 : at - received;
  const details: string[] = [];
  let severity: HeaderExplanation['severity'];
  // One second of resolution plus network time: only larger gaps mean a wrong clock.
  if (received !== undefined && Math.abs(skew) > 60_000) {
    severity = 'warning';
    details.push(
      `When this response arrived, the server clock was ${formatDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} this computer's: token expiry, "not before" times and rate-limit resets may look wrong.`,
    );
  }
  return {
    name,
    title: 'Server time',
    summary: `The server produced this response at ${formatUtc(at)}.`,
    details,
    severity,
    category: 'other',
  };
}

export function explainConnection(name: string, value: string): HeaderExplanation {
  const options = splitList(value.toLowerCase());
  let summary: string;
  if (options.includes('close'))
    summary = 'The server closes the connection after this response; the next request opens a new one.';
  else if (options.includes('keep-alive'))
    summary = 'The connection stays open for the next request, saving a new TCP/TLS handshake.';
  else if (options.includes('upgrade'))
    summary = 'The connection switches protocol (see Upgrade), e.g. to a WebSocket.';
  else summary = `Connection options: ${listInWords(options)}.`;
  return { name, title: 'Connection', summary, category: 'connection' };
}

export function explainKeepAlive(name: string, value: string): HeaderExplanation {
  const timeout = /timeout=(\d+)/i.exec(value)?.[1];
  const max = /max=(\d+)/i.exec(value)?.[1];
  const parts: string[] = [];
  if (timeout) parts.push(`closes an idle connection after ${formatSeconds(Number(timeout))}`);
  if (max) parts.push(`serves at most ${Number(max).toLocaleString('en-US')} more requests on it`);
  return {
    name,
    title: 'Keep-alive',
    summary: parts.length > 0 ? `The server ${listInWords(parts)}.` : `Keep-alive settings: ${value}.`,
    category: 'connection',
  };
}

export function explainRequestId(name: string, value: string): HeaderExplanation {
  return {
    name,
    title: 'Request id',
    summary: `The server's id for this exchange is ${value}. Quote it to the API's support: it finds the request in their logs.`,
    category: 'other',
  };
}
