import type { RateLimitView } from '../../../shared/model/findings';
import { formatCountdown } from '../../../shared/model/token';
import { useNow } from '../../hooks';
import { gaugeModel, retryAtOf, type GaugeModel } from './gauge-math';
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

/** Remaining / limit for the response's host and credential, its reset and its recent history. */
export function RateLimitGauge({ view, tabId }: { view: RateLimitView; tabId: string }) {
  const nowMs = useNow(1000);
  const model = gaugeModel(view, nowMs);
  const retryAt = retryAtOf(view);
  const who = `${view.host}${view.credentialId ? ` · ${view.credentialLabel ?? view.credentialId}` : ''}`;
  const percent = model.ratio === undefined ? undefined : Math.round(model.ratio * 100);
  return (
    <div
      className={`rate-limit-gauge level-${model.level}`}
      data-testid="rate-limit-gauge"
      data-level={model.level}
      title={`Rate limit of ${who}${model.source ? ` (from ${model.source})` : ''}${model.estimated ? ": the API sends no rate-limit headers, so Lantern counts each query's estimated complexity in the budget's window" : ''}`}
    >
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
      <span className="hint" data-testid="rate-limit-who">
        {view.credentialLabel ?? view.host}
      </span>
      {model.policyName && <span className="hint">{model.policyName}</span>}
      {model.resetInMs !== undefined && !model.limited && (
        <span className="hint" data-testid="rate-limit-reset">
          resets in {formatCountdown(model.resetInMs)}
        </span>
      )}
      {model.remaining === undefined && (
        <span className="hint" data-testid="rate-limit-last-429">
          {model.sinceLast429Ms === undefined ? 'no 429 yet' : `last 429 ${ago(model.sinceLast429Ms)}`}
        </span>
      )}
      <Sparkline history={view.history} />
      {retryAt !== undefined && <RetryControls tabId={tabId} retryAt={retryAt} nowMs={nowMs} />}
    </div>
  );
}
