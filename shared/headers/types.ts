export type HeaderCategory =
  'content' | 'caching' | 'auth' | 'cookies' | 'cors' | 'rate-limit' | 'security' | 'connection' | 'other';

/** What one response header means, in plain words about its actual value. */
export type HeaderExplanation = {
  /** The header's name as the server spelled it. */
  name: string;
  /** A short label, e.g. "Cache policy". */
  title: string;
  /** One or two sentences about THIS value, not the header in general. */
  summary: string;
  /** One line per directive, attribute or consequence. */
  details?: string[];
  /** 'warning' when the value is likely why something failed or will fail. */
  severity?: 'info' | 'warning';
  category: HeaderCategory;
};

export type HeaderContext = {
  /** The response status code. */
  status: number;
  /** The request headers as sent, to tell e.g. "no Authorization was sent" from "the token was rejected". */
  requestHeaders?: readonly (readonly [string, string])[];
  /** All the response headers; explainHeaders fills it in. Rate-limit headers are read together. */
  responseHeaders?: readonly (readonly [string, string])[];
  /** Epoch ms to measure resets and expiry from; Date.now() when absent. */
  nowMs?: number;
  /**
   * When the response arrived (epoch ms). The Date header is compared with this, never with now: a
   * response viewed minutes later would otherwise show a server clock minutes behind. Without it,
   * nothing is said about the server's clock.
   */
  receivedAtMs?: number;
  /** The start of the decoded body, to spot a body that contradicts its Content-Type. */
  bodyPreview?: string;
};

export type HeaderExplainer = (name: string, value: string, context: HeaderContext) => HeaderExplanation;
