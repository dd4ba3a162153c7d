import type { GraphQLSchema } from 'graphql';
import type { RequestDraft } from '../model/request';
import type { Exchange } from '../model/response';
import type { CallError } from '../model/result';
import type { ConfiguredBudget, RateLimitState } from '../ratelimit';

export type Severity = 'error' | 'warning' | 'info';

/** What a finding points at, so the UI can highlight it in the headers or the body. */
export type Evidence = {
  kind:
    | 'response-header'
    | 'request-header'
    | 'response-body'
    | 'request-body'
    | 'status'
    | 'redirect'
    | 'timing'
    | 'error'
    | 'auth';
  /** A header name, or a JSON path such as `errors[0].debugMessage`. */
  name?: string;
  /** A short excerpt (secrets are already masked in an exchange). */
  value?: string;
};

export type Finding = {
  /** Stable rule id, e.g. `totara.token.invalid-client`: tests, the CLI reporter and the UI key on it. */
  id: string;
  severity: Severity;
  /** Short: what went wrong. */
  title: string;
  /** What happened and why, in plain words. */
  explanation: string;
  /** What to do about it. */
  fix: string;
  evidence: Evidence[];
};

/** A token the token manager holds (never its value). */
export type TokenInfo = {
  tokenId: string;
  expiresAt?: number;
  issuedAt: number;
  /** Where it was granted: Totara's token endpoint is evidence that the API is Totara's. */
  tokenUrl?: string;
};

export type DiagnoseInput = {
  /** The request as the user wrote it ({{variables}} unresolved); alone it allows checks before sending. */
  draft?: RequestDraft;
  /** What was sent and what came back. */
  exchange?: Exchange;
  /** Why the send failed, when it did (no exchange then). */
  error?: CallError;
  tokens?: TokenInfo[];
  /**
   * Query texts of persisted operations by name, from an operation registry Lantern fetched: a
   * persisted request sends only the name, so without this its query is unknown.
   */
  operations?: Readonly<Record<string, string>>;
  /** The endpoint's schema, when Lantern has one: tells lists from objects and nullable from not. */
  schema?: GraphQLSchema;
  /** The rate-limit state of the response, when already parsed; read from the headers otherwise. */
  rateLimit?: RateLimitState;
  nowMs: number;
  context?: {
    /** The Totara client's "Error response" setting, when the user told Lantern. */
    totaraErrorLevel?: 'none' | 'normal' | 'developer';
    /** A budget the user configured for an API that sends no rate-limit headers (Totara). */
    configuredBudget?: ConfiguredBudget;
  };
};
