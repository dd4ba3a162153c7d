import { formatCountdown } from '../../../shared/model/token';
import { useLantern } from '../../store';
import { AUTO_RETRY_CAP } from '../../store/diagnostics-slice';

/** After a 429: how long until a retry is allowed, "send again when allowed", and capped auto-retry. */
export function RetryControls({
  tabId,
  retryAt,
  nowMs,
  assumption,
}: {
  tabId: string;
  retryAt: number;
  nowMs: number;
  /** Set when the server gave no time: the countdown is Lantern's guess, and says so. */
  assumption?: string | undefined;
}) {
  const scheduled = useLantern((s) => s.scheduledRetry);
  const note = useLantern((s) => s.retryNote);
  const autoRetry = useLantern((s) => s.autoRetry);
  const scheduleRetry = useLantern((s) => s.scheduleRetry);
  const cancelRetry = useLantern((s) => s.cancelRetry);
  const setAutoRetry = useLantern((s) => s.setAutoRetry);
  const waitMs = Math.max(0, retryAt - nowMs);
  const mine = scheduled?.tabId === tabId ? scheduled : undefined;
  return (
    <span className="rate-limit-retry" data-testid="rate-limit-retry">
      <span data-testid="rate-limit-retry-countdown" role="timer" aria-live="off">
        {assumption
          ? waitMs > 0
            ? `Retry in about ${formatCountdown(waitMs)} (${assumption})`
            : `Retry likely allowed now (${assumption})`
          : waitMs > 0
            ? `Retry allowed in ${formatCountdown(waitMs)}`
            : 'Retry allowed now'}
      </span>
      {mine ? (
        <>
          <span data-testid="rate-limit-retry-scheduled">
            {mine.auto ? 'Auto-retry' : 'Will send again'} in {formatCountdown(Math.max(0, mine.at - nowMs))}
          </span>
          <button type="button" data-testid="rate-limit-retry-cancel" onClick={cancelRetry}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          data-testid="rate-limit-send-when-allowed"
          title="Lantern waits for the retry-after time, then sends this request again"
          onClick={() => scheduleRetry(tabId, retryAt)}
        >
          {waitMs > 0 ? 'Send again when allowed' : 'Send again'}
        </button>
      )}
      <label title={`Re-send by itself after a 429, at most ${AUTO_RETRY_CAP} times in a row`}>
        <input
          type="checkbox"
          data-testid="rate-limit-auto-retry"
          checked={autoRetry}
          onChange={(event) => setAutoRetry(event.target.checked)}
        />{' '}
        auto-retry (max {AUTO_RETRY_CAP})
      </label>
      {note && (
        <span className="rate-limit-note" data-testid="rate-limit-retry-note">
          {note}
        </span>
      )}
    </span>
  );
}
