import type { RateLimitView } from '../../../shared/model/findings';
import { formatCountdown } from '../../../shared/model/token';
import { useNow } from '../../hooks';
import { gaugeModel, percentLeft, retryAssumptionOf, retryAtOf, type GaugeModel } from './gauge-math';
import { RetryControls } from './RetryControls';
import { Sparkline } from './Sparkline';
import './rate-limit.css';

const LEVEL_WORDS: Record<GaugeModel['level'], string> = {
  ok: 'plenty left',
  low: 'half used',
  critical: 'nearly spent',
  empty: 'spent',
  unknown: 'not reported',
};

function ago(ms: number): string {
  return `${formatCountdown(ms)} ago`;
}

/**
 * Remaining / limit for the response's host and credential, readable at a glance: a meter with its
 * numbers and the share left, who it counts, when it resets, and the recent history. An estimate
 * (no rate-limit headers, Lantern's own count) says so in its label and its share.
 */
export function RateLimitGauge({ view, tabId }: { view: RateLimitView; tabId: string }) {
  const nowMs = useNow(1000);
  const model = gaugeModel(view, nowMs);
  const retryAt = retryAtOf(view);
  const who = `${view.host}${view.credentialId ? ` · ${view.credentialLabel ?? view.credentialId}` : ''}`;
  const percent = model.ratio === undefined ? undefined : Math.round(model.ratio * 100);
  // A share of a known limit; a bare 429 (no limit said) already reads "0 left".
  const share = model.limit === undefined ? undefined : percentLeft(model.ratio);
  return (
    <div
      className={`rate-limit-gauge level-${model.level}`}
      data-testid="rate-limit-gauge"
      data-level={model.level}
      title={`Rate limit of ${who}${model.source ? ` (from ${model.source})` : ''}${model.estimated ? ": the API sends no rate-limit headers, so Lantern counts each query's estimated complexity in the budget's window" : ''}`}
    >
      <span className="rate-limit-caption">Rate limit</span>
      {percent !== undefined && (
        <span className="rate-limit-meter" aria-hidden="true">
          <span className="rate-limit-meter-fill" style={{ width: `${percent}%` }} />
        </span>
      )}
      <span
        data-testid="rate-limit-remaining"
        role="meter"
        aria-label={`Rate limit remaining, ${LEVEL_WORDS[model.level]}`}
        aria-valuemin={0}
        aria-valuemax={model.limit ?? 100}
        aria-valuenow={model.remaining ?? model.limit ?? 0}
        aria-valuetext={model.label}
      >
        {model.label}
      </span>
      {share !== undefined && (
        <span className="rate-limit-share" data-testid="rate-limit-share">
          {model.estimated ? '≈ ' : ''}
          {share}% left
        </span>
      )}
      <span className="rate-limit-details">
        <span data-testid="rate-limit-who">{view.credentialLabel ?? view.host}</span>
        {model.policyName && <span>{model.policyName}</span>}
        {model.resetInMs !== undefined && !model.limited && (
          <span data-testid="rate-limit-reset">resets in {formatCountdown(model.resetInMs)}</span>
        )}
        {model.remaining === undefined && (
          <span data-testid="rate-limit-last-429">
            {model.sinceLast429Ms === undefined ? 'no 429 yet' : `last 429 ${ago(model.sinceLast429Ms)}`}
          </span>
        )}
      </span>
      <Sparkline history={view.history} width={96} height={22} />
      {retryAt !== undefined && (
        <RetryControls tabId={tabId} retryAt={retryAt} nowMs={nowMs} assumption={retryAssumptionOf(view)} />
      )}
    </div>
  );
}
