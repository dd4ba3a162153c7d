import type { Exchange } from '../../../shared/model/response';
import { formatBytes, formatDuration, statusClass } from './format';

export function StatusLine({ exchange }: { exchange: Exchange }) {
  const { status, statusText, bodyBytes } = exchange.response;
  return (
    <div className="status-line" data-testid="status-line">
      <span className={`status status-${statusClass(status)}`} data-testid="status-code">
        {status} {statusText}
      </span>
      <span data-testid="response-time">{formatDuration(exchange.timings.totalMs)}</span>
      <span data-testid="response-size">{formatBytes(bodyBytes)}</span>
    </div>
  );
}
