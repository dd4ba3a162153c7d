import { diagnose, type Finding, type TokenInfo } from '../../../shared/diagnose';
import type { RateLimitView } from '../../../shared/model/findings';
import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { maskValue } from '../../../shared/redact/mask-headers';
import type { AuthContext } from '../auth/apply-auth';
import { diagnosticsStateFor } from './diagnostics-state';
import { totaraQueryCost } from './query-cost';

export interface DiagnoseExchangeParts {
  /** The request as the user wrote it ({{variables}} unresolved: no secret values in it). */
  draft: RequestDraft;
  /**
   * The request as sent ({{variables}} filled in), used only to estimate the query's cost (its
   * variables size the lists); never kept, never shown. Defaults to `draft`.
   */
  resolved?: RequestDraft;
  auth: AuthContext;
  /** The secrets of this send (already used to mask the exchange). */
  secrets: string[];
  /** The environment of the send: with the draft's URL, it names the endpoint's schema. */
  environmentId?: string;
  nowMs?: number;
}

/**
 * What the send pipeline attaches to a masked exchange: the rate-limit state of its host +
 * credential (recorded in the tracker) and the findings of the diagnostics engine.
 */
export function diagnoseExchange(
  exchange: Exchange,
  { draft, resolved = draft, auth, secrets, environmentId, nowMs = Date.now() }: DiagnoseExchangeParts,
): { findings: Finding[]; rateLimit: RateLimitView } {
  const state = diagnosticsStateFor(auth);
  state.rememberSecrets(secrets);
  state.serverLimits.learn(exchange, nowMs);
  // The URL is already masked: parsed leniently, so a masked one can never fail the send.
  const origin = URL.parse(exchange.response.url ?? exchange.request.url)?.origin;
  const operations = origin ? state.operations.of(origin) : undefined;
  const schema = state.schemas.schemaFor({ url: draft.url, ...(environmentId ? { environmentId } : {}) });
  const credentialId = draft.auth.type === 'none' ? undefined : draft.auth.credentialId;
  const url = exchange.response.url ?? exchange.request.url;
  // Totara's budget drains by each query's complexity, which it never reports: Lantern estimates it.
  // A refused query (401, 400, 429…) ran nothing, so only an answered one is counted.
  const { status } = exchange.response;
  const cost =
    status < 200 || status >= 300
      ? undefined
      : totaraQueryCost(resolved, url, {
          ...(schema ? { schema } : {}),
          ...(operations ? { operations } : {}),
        });
  const rateLimit = state.rateLimits.record({
    url,
    credentialId,
    credentialLabel: exchange.auth?.credentialLabel,
    status: exchange.response.status,
    headers: exchange.response.headers,
    at: nowMs,
    ...(cost !== undefined ? { cost } : {}),
  });
  const tokenId = exchange.auth?.tokenId;
  const tokens: TokenInfo[] = auth.tokens
    .list()
    .filter((token) => token.id === tokenId)
    .map((token) => ({
      tokenId: token.id,
      issuedAt: token.issuedAt,
      expiresAt: token.expiresAt,
      tokenUrl: token.tokenUrl,
    }));
  const findings = diagnose({
    draft,
    exchange,
    tokens,
    ...(operations ? { operations } : {}),
    ...(schema ? { schema } : {}),
    rateLimit: rateLimit.state,
    nowMs,
    context: rateLimit.configuredBudget ? { configuredBudget: rateLimit.configuredBudget } : undefined,
  });
  return { findings: findings.map((finding) => maskFinding(finding, secrets)), rateLimit };
}

/** Findings quote the draft and the body: whatever secret slipped into a quote is masked. */
export function maskFinding(finding: Finding, secrets: readonly string[]): Finding {
  const mask = (text: string) => maskValue('text', text, secrets);
  return {
    ...finding,
    title: mask(finding.title),
    explanation: mask(finding.explanation),
    fix: mask(finding.fix),
    evidence: finding.evidence.map((e) => ({
      ...e,
      ...(e.name !== undefined ? { name: mask(e.name) } : {}),
      ...(e.value !== undefined ? { value: mask(e.value) } : {}),
    })),
  };
}
