import { explainAuthenticate } from './auth';
import {
  explainAge,
  explainCacheControl,
  explainEtag,
  explainExpires,
  explainLastModified,
  explainPragma,
  explainVary,
} from './caching';
import {
  explainContentEncoding,
  explainContentLength,
  explainContentType,
  explainTransferEncoding,
} from './content';
import { explainSetCookie } from './cookies';
import { explainCors } from './cors';
import {
  explainAllow,
  explainConnection,
  explainDate,
  explainKeepAlive,
  explainLocation,
  explainRequestId,
  explainServer,
} from './general';
import { explainRateLimit, explainRetryAfter } from './rate-limit';
import {
  explainContentSecurityPolicy,
  explainContentTypeOptions,
  explainFrameOptions,
  explainPermissionsPolicy,
  explainReferrerPolicy,
  explainStrictTransportSecurity,
  explainXssProtection,
} from './security';
import type { HeaderContext, HeaderExplainer, HeaderExplanation } from './types';

const EXPLAINERS: Record<string, HeaderExplainer> = {
  'content-type': explainContentType,
  'content-encoding': explainContentEncoding,
  'content-length': explainContentLength,
  'transfer-encoding': explainTransferEncoding,
  'cache-control': explainCacheControl,
  expires: explainExpires,
  pragma: explainPragma,
  etag: explainEtag,
  'last-modified': explainLastModified,
  age: explainAge,
  vary: explainVary,
  'www-authenticate': explainAuthenticate,
  'proxy-authenticate': explainAuthenticate,
  'set-cookie': explainSetCookie,
  'retry-after': explainRetryAfter,
  'strict-transport-security': explainStrictTransportSecurity,
  'x-content-type-options': explainContentTypeOptions,
  'x-frame-options': explainFrameOptions,
  'content-security-policy': explainContentSecurityPolicy,
  'content-security-policy-report-only': explainContentSecurityPolicy,
  'referrer-policy': explainReferrerPolicy,
  'x-xss-protection': explainXssProtection,
  'permissions-policy': explainPermissionsPolicy,
  location: explainLocation,
  allow: explainAllow,
  server: explainServer,
  date: explainDate,
  connection: explainConnection,
  'keep-alive': explainKeepAlive,
};

// x-request-id, request-id, x-github-request-id, x-amz-request-id, x-correlation-id, cf-ray…
const REQUEST_ID = /(^|-)(request|correlation|trace)-id$|^cf-ray$/;
const RATE_LIMIT =
  /^(x-rate-?limit-(limit|remaining|reset|used|resource)|ratelimit(-limit|-remaining|-reset|-policy)?)$/;

function explainerFor(lowerName: string): HeaderExplainer | undefined {
  if (Object.hasOwn(EXPLAINERS, lowerName)) return EXPLAINERS[lowerName];
  if (lowerName.startsWith('access-control-')) return explainCors;
  if (RATE_LIMIT.test(lowerName)) return explainRateLimit;
  if (REQUEST_ID.test(lowerName)) return explainRequestId;
  return undefined;
}

/**
 * Explains one response header in plain words about its actual value, or undefined for a
 * header Lantern has nothing useful to say about. Never throws: a value that will not
 * parse is explained as such.
 */
export function explainHeader(
  name: string,
  value: string,
  context: HeaderContext,
): HeaderExplanation | undefined {
  const explainer = explainerFor(name.trim().toLowerCase());
  if (!explainer) return undefined;
  try {
    return tidy(explainer(name.trim(), value, context));
  } catch {
    // Explanations are a help, never a reason for the response view to fail.
    return undefined;
  }
}

/**
 * Explains every header of a response; the result is aligned with `headers` (undefined where
 * there is nothing to say), so repeated headers such as Set-Cookie each get their own.
 * Headers that depend on each other (rate limits, Expires vs max-age) are read together.
 */
export function explainHeaders(
  headers: readonly (readonly [string, string])[],
  context: HeaderContext,
): (HeaderExplanation | undefined)[] {
  const full: HeaderContext = { ...context, responseHeaders: headers, nowMs: context.nowMs ?? Date.now() };
  return headers.map(([name, value]) => explainHeader(name, value, full));
}

/** Leaves out empty details and unset severity, so explanations compare and serialise cleanly. */
function tidy(explanation: HeaderExplanation): HeaderExplanation {
  const { details, severity, ...rest } = explanation;
  return {
    ...rest,
    ...(details && details.length > 0 ? { details } : {}),
    ...(severity ? { severity } : {}),
  };
}

/** True when Lantern has an explanation for headers of this name. */
export function isExplainedHeader(name: string): boolean {
  return explainerFor(name.trim().toLowerCase()) !== undefined;
}
