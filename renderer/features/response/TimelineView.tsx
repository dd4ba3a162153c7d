import type { Exchange } from '../../../shared/model/response';
import { formatBytes } from './format';
import { Waterfall } from './Waterfall';
import { cookieCount, sentBodyText } from './sent-request';

/** The request exactly as sent (secrets masked), redirects, what auth did, TLS and a timing waterfall. */
export function TimelineView({ exchange }: { exchange: Exchange }) {
  const { request, timings, auth, redirects, notes, tls, proxy, response } = exchange;
  return (
    <div className="timeline" data-testid="timeline">
      {notes && notes.length > 0 && (
        <ul className="notes" data-testid="timeline-notes">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      )}
      <h3>Request as sent</h3>
      <pre className="sent-request" data-testid="timeline-request">
        {`${request.method} ${request.url}\n`}
        {request.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}
        {request.body && `\n\n${sentBodyText(request.body)}`}
      </pre>
      {redirects && redirects.length > 0 && (
        <>
          <h3>Redirects</h3>
          <ol className="redirects" data-testid="timeline-redirects">
            {redirects.map((hop, index) => (
              <li key={index}>
                <strong>{hop.status}</strong> {hop.method} {hop.url} → {hop.location}
                {hop.headers && hop.headers.length > 0 && (
                  <details data-testid={`timeline-redirect-${index}-headers`}>
                    <summary>
                      {hop.headers.length} response header{hop.headers.length === 1 ? '' : 's'}
                      {cookieCount(hop.headers) > 0 &&
                        `, ${cookieCount(hop.headers)} Set-Cookie${cookieCount(hop.headers) === 1 ? '' : 's'}`}
                    </summary>
                    <pre className="sent-request">
                      {hop.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}
                    </pre>
                  </details>
                )}
              </li>
            ))}
            <li>
              <strong>{response.status}</strong> {response.url ?? request.url}
            </li>
          </ol>
        </>
      )}
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
      <Waterfall timings={timings} />
      <h3>Connection</h3>
      <table className="kv-table readonly" data-testid="timeline-connection">
        <tbody>
          <tr>
            <td className="header-name">Size</td>
            <td>
              {formatBytes(response.bodyBytes)} decoded
              {response.wireBytes !== undefined && response.wireBytes !== response.bodyBytes
                ? ` · ${formatBytes(response.wireBytes)} on the wire`
                : ''}
            </td>
          </tr>
          {proxy && (
            <tr>
              <td className="header-name">Proxy</td>
              <td>{proxy}</td>
            </tr>
          )}
          {tls && (
            <tr>
              <td className="header-name">TLS</td>
              <td data-testid="timeline-tls">
                {tls.verified
                  ? 'Certificate verified'
                  : `Certificate NOT verified (${tls.verifyError ?? 'verification off'})`}
                {tls.protocol ? ` · ${tls.protocol}` : ''}
                {tls.cipher ? ` · ${tls.cipher}` : ''}
                {tls.peerCertificate
                  ? ` · ${tls.peerCertificate.subject}, issued by ${tls.peerCertificate.issuer}, valid to ${tls.peerCertificate.validTo}`
                  : ''}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
