import type { Timings } from '../../../shared/model/response';
import { formatDuration } from './format';
import { axisTicks, timingBars } from './timing-bars';

/**
 * Where the time went, at a glance: one bar of every phase end to end, then a row per phase (its
 * colour, name, bar on the shared time axis, duration and start), then the total. Only measured
 * phases are shown; a reused connection has no DNS, connect or TLS time to show.
 */
export function Waterfall({ timings }: { timings: Timings }) {
  const bars = timingBars(timings);
  const scale = Math.max(timings.totalMs, 1);
  const percent = (ms: number) => `${(ms / scale) * 100}%`;
  const ticks = axisTicks(timings.totalMs);
  return (
    <div className="waterfall" data-testid="timeline-timing">
      <div
        className="waterfall-overview"
        role="img"
        aria-label={bars.map((bar) => `${bar.phase} ${formatDuration(bar.durationMs)}`).join(', ')}
      >
        {bars.map((bar) => (
          <span
            key={bar.key}
            className={`waterfall-segment phase-${bar.key}`}
            style={{ left: percent(bar.startMs), width: percent(bar.durationMs) }}
            title={`${bar.phase}: ${formatDuration(bar.durationMs)}`}
          />
        ))}
      </div>
      <table className="waterfall-table" aria-label="Timing by phase">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col" className="waterfall-axis-head">
              <span className="visually-hidden">On the time axis</span>
              <span className="waterfall-axis" aria-hidden="true">
                {ticks.map((tick) => (
                  <span key={tick} className="waterfall-tick" style={{ left: percent(tick) }}>
                    {formatDuration(tick)}
                  </span>
                ))}
              </span>
            </th>
            <th scope="col" className="waterfall-value">
              Took
            </th>
            <th scope="col" className="waterfall-value">
              Started
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key} className={`waterfall-row phase-${bar.key}`}>
              <th scope="row" className="waterfall-label">
                <span className="waterfall-swatch" aria-hidden="true" />
                {bar.phase}
              </th>
              <td className="waterfall-track">
                <span className="waterfall-lane">
                  <span
                    className="waterfall-bar"
                    style={{ left: percent(bar.startMs), width: `max(2px, ${percent(bar.durationMs)})` }}
                  />
                </span>
              </td>
              <td className="waterfall-value">{formatDuration(bar.durationMs)}</td>
              <td className="waterfall-value waterfall-start">at {formatDuration(bar.startMs)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="waterfall-row total">
            <th scope="row" className="waterfall-label">
              Total{timings.reusedConnection ? ' (reused connection)' : ''}
            </th>
            <td className="waterfall-track" />
            <td className="waterfall-value">{formatDuration(timings.totalMs)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
