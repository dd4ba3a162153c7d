import { useEffect, useState } from 'react';
import type { RateLimitView } from '../../../shared/model/findings';
import { formatCountdown } from '../../../shared/model/token';
import { useNow } from '../../hooks';
import { useLantern } from '../../store';
import { gaugeModel } from '../rate-limit/gauge-math';
import { Sparkline } from '../rate-limit/Sparkline';

/** Every host + credential Lantern has seen, with its gauge numbers, 429s and the budget of header-less APIs. */
export function RateLimitTable({ refreshKey }: { refreshKey: unknown }) {
  const views = useLantern((s) => s.rateLimits);
  const refresh = useLantern((s) => s.refreshRateLimits);
  const nowMs = useNow(1000);
  useEffect(() => {
    void refresh();
  }, [refresh, refreshKey]);
  if (views.length === 0) return null;
  return (
    <section className="diagnostics-section" aria-label="Rate limits" data-testid="rate-limit-table">
      <h3>Rate limits by host and credential</h3>
      <table className="kv-table readonly">
        <thead>
          <tr>
            <th scope="col">Host · credential</th>
            <th scope="col">Remaining</th>
            <th scope="col">Recent</th>
            <th scope="col">429s</th>
            <th scope="col">Budget (APIs without headers)</th>
          </tr>
        </thead>
        <tbody>
          {views.map((view, index) => {
            const model = gaugeModel(view, nowMs);
            return (
              <tr key={view.key} data-testid={`rate-limit-row-${index}`}>
                <td>
                  {view.host}
                  {view.credentialId && (
                    <span className="hint"> · {view.credentialLabel ?? view.credentialId}</span>
                  )}
                </td>
                <td>{model.label}</td>
                <td>
                  <Sparkline
                    history={view.history}
                    width={120}
                    testId={`rate-limit-row-${index}-sparkline`}
                  />
                </td>
                <td>
                  {view.count429}
                  {model.sinceLast429Ms !== undefined && (
                    <span className="hint"> · last {formatCountdown(model.sinceLast429Ms)} ago</span>
                  )}
                </td>
                <td>
                  <BudgetEditor view={view} testId={`rate-limit-row-${index}-budget`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function BudgetEditor({ view, testId }: { view: RateLimitView; testId: string }) {
  const setBudget = useLantern((s) => s.setRateLimitBudget);
  const [editing, setEditing] = useState(false);
  const [limit, setLimit] = useState(String(view.configuredBudget?.limit ?? ''));
  const [windowSeconds, setWindowSeconds] = useState(String(view.configuredBudget?.windowSeconds ?? 60));
  const [error, setError] = useState<string>();
  const budget = view.configuredBudget;
  if (!editing) {
    return (
      <span>
        {budget
          ? `${budget.limit.toLocaleString('en')} per ${budget.windowSeconds} s${view.budgetIsDefault ? ' (Totara default)' : ''}`
          : '—'}{' '}
        <button
          type="button"
          className="link-button"
          data-testid={`${testId}-edit`}
          onClick={() => setEditing(true)}
        >
          {budget ? 'Change' : 'Set'}
        </button>
      </span>
    );
  }
  const save = async (clear: boolean) => {
    const problem = await setBudget(view, clear ? undefined : Number(limit), Number(windowSeconds) || 60);
    setError(problem);
    if (!problem) setEditing(false);
  };
  return (
    <form
      className="budget-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <input
        type="number"
        min={1}
        aria-label="Budget per window"
        data-testid={`${testId}-limit`}
        value={limit}
        onChange={(event) => setLimit(event.target.value)}
      />
      <span> per </span>
      <input
        type="number"
        min={1}
        aria-label="Window in seconds"
        data-testid={`${testId}-window`}
        value={windowSeconds}
        onChange={(event) => setWindowSeconds(event.target.value)}
      />
      <span> s </span>
      <button type="submit" data-testid={`${testId}-save`}>
        Save
      </button>
      <button type="button" data-testid={`${testId}-clear`} onClick={() => void save(true)}>
        Clear
      </button>
      {error && <span className="inline-error">{error}</span>}
    </form>
  );
}
