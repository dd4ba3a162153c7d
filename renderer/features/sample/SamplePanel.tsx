import { useActiveTab, useLantern } from '../../store';

/** The first-launch offer of the sample API, then its requests grouped by API. */
export function SamplePanel() {
  const sample = useLantern((s) => s.sample);
  const starting = useLantern((s) => s.sampleStarting);
  const error = useLantern((s) => s.sampleError);
  const activeId = useActiveTab((t) => t.sourceId?.replace(/^sample:/, ''));
  const { startSample, openSampleRequest } = useLantern.getState();
  if (!sample) {
    return (
      <div className="sample-offer" data-testid="sample-offer">
        <p>
          <strong>New here?</strong> Explore a local imitation of Totara&apos;s GraphQL APIs and iHASCO&apos;s
          REST API — no account needed.
        </p>
        <button
          type="button"
          className="primary"
          data-testid="start-sample"
          disabled={starting}
          onClick={() => void startSample()}
        >
          {starting ? 'Starting…' : 'Open the sample API'}
        </button>
        {error && (
          <p className="inline-error" role="alert" data-testid="sample-error">
            {error}
          </p>
        )}
      </div>
    );
  }
  const groups = [...new Set(sample.requests.map((r) => r.group))];
  return (
    <nav className="request-tree" aria-label="Sample requests" data-testid="sample-tree">
      <div className="environment" data-testid="active-environment" title={`base = ${sample.baseUrl}`}>
        env: {sample.environment.name}
      </div>
      {groups.map((group) => (
        <div key={group} className="tree-group">
          <div className="tree-folder">{group}</div>
          {sample.requests
            .filter((r) => r.group === group)
            .map((request) => (
              <button
                key={request.id}
                type="button"
                className={request.id === activeId ? 'tree-item active' : 'tree-item'}
                data-testid={`sample-request-${request.id}`}
                title={request.description}
                onClick={() => openSampleRequest(request.id)}
              >
                <span className={`badge method-${request.draft.method.toLowerCase()}`}>
                  {request.draft.method}
                </span>
                <span className="tree-name">{request.name}</span>
              </button>
            ))}
        </div>
      ))}
    </nav>
  );
}
