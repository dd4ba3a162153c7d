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
      <span
        data-testid="response-size"
        title={
          exchange.response.wireBytes !== undefined
            ? `${formatBytes(bodyBytes)} decoded, ${formatBytes(exchange.response.wireBytes)} on the wire`
            : undefined
        }
      >
        {formatBytes(bodyBytes)}
      </span>
      {exchange.redirects && exchange.redirects.length > 0 && (
        <span className="hint" data-testid="redirect-count">
          after {exchange.redirects.length} redirect{exchange.redirects.length === 1 ? '' : 's'}
        </span>
      )}
    </div>
  );
}
