import type { Evidence, Finding } from '../../../shared/diagnose';
import { useLantern } from '../../store';
import { SEVERITY_ICONS, SEVERITY_WORDS } from './severity';

/** One finding: what went wrong, why, what to do, and the evidence it rests on. */
export function FindingCard({ finding }: { finding: Finding }) {
  return (
    <li className={`finding severity-${finding.severity}`} data-testid={`finding-${finding.id}`}>
      <p className="finding-title">
        <span className="finding-severity" data-testid="finding-severity">
          {SEVERITY_ICONS[finding.severity]} {SEVERITY_WORDS[finding.severity]}
        </span>{' '}
        <strong>{finding.title}</strong>
      </p>
      {finding.explanation !== '' && (
        <p className="finding-explanation" data-testid="finding-explanation">
          {finding.explanation}
        </p>
      )}
      {finding.fix !== '' && (
        <p className="finding-fix" data-testid="finding-fix">
          <strong>Fix: </strong>
          {finding.fix}
        </p>
      )}
      {finding.evidence.length > 0 && (
        <ul className="finding-evidence" aria-label="Evidence">
          {finding.evidence.map((evidence, index) => (
            <EvidenceItem
              key={index}
              evidence={evidence}
              testId={`finding-${finding.id}-evidence-${index}`}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

const KIND_WORDS: Record<Evidence['kind'], string> = {
  'response-header': 'Response header',
  'request-header': 'Request header as sent',
  'response-body': 'Response body',
  'request-body': 'Request body',
  status: 'Status',
  redirect: 'Redirect',
  timing: 'Timing',
  error: 'Error',
  auth: 'Auth',
};

function EvidenceItem({ evidence, testId }: { evidence: Evidence; testId: string }) {
  const showResponsePart = useLantern((s) => s.showResponsePart);
  const { kind, name, value } = evidence;
  const isHeader = kind === 'response-header' || kind === 'request-header';
  return (
    <li className={`evidence evidence-${kind}`} data-testid={testId} data-kind={kind}>
      <span className="evidence-kind">{KIND_WORDS[kind]}</span>{' '}
      {isHeader ? (
        <code className="evidence-cited">
          <mark>{name}</mark>
          {value !== undefined && `: ${value}`}
        </code>
      ) : (
        <>
          {name && <code className="evidence-path">{name}</code>}
          {value !== undefined && (
            <>
              {name ? ' = ' : ''}
              <code className="evidence-cited">
                <mark>{value}</mark>
              </code>
            </>
          )}
        </>
      )}{' '}
      {kind === 'response-header' && name && (
        <button
          type="button"
          className="link-button"
          data-testid={`${testId}-show`}
          onClick={() => showResponsePart('headers')}
        >
          Show in Headers (highlighted)
        </button>
      )}
      {kind === 'response-body' && (
        <button
          type="button"
          className="link-button"
          data-testid={`${testId}-show`}
          onClick={() => showResponsePart('body')}
        >
          Show body
        </button>
      )}
      {(kind === 'request-header' || kind === 'redirect' || kind === 'auth' || kind === 'timing') && (
        <button
          type="button"
          className="link-button"
          data-testid={`${testId}-show`}
          onClick={() => showResponsePart('timeline')}
        >
          Show in Timeline
        </button>
      )}
    </li>
  );
}
