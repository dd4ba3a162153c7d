import type { Exchange } from '../../../shared/model/response';
import { formatDuration } from './format';

/** The request exactly as sent (secrets masked), what auth did, and the timing. */
export function TimelineView({ exchange }: { exchange: Exchange }) {
  const { request, timings, auth } = exchange;
  return (
    <div className="timeline" data-testid="timeline">
      <h3>Request as sent</h3>
      <pre className="sent-request" data-testid="timeline-request">
        {`${request.method} ${request.url}\n`}
        {request.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}
      </pre>
      {auth && auth.steps.length > 0 && (
        <>
          <h3>Authentication</h3>
          <ol className="auth-steps" data-testid="timeline-auth">
            {auth.steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </>
      )}
      <h3>Timing</h3>
      <table className="kv-table readonly" data-testid="timeline-timing">
        <tbody>
          <tr>
            <td className="header-name">Waiting for the first byte</td>
            <td>{formatDuration(timings.firstByteMs)}</td>
          </tr>
          <tr>
            <td className="header-name">Download</td>
            <td>{formatDuration(timings.downloadMs)}</td>
          </tr>
          <tr>
            <td className="header-name">Total</td>
            <td>{formatDuration(timings.totalMs)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
