import { ArrowLeft, X } from 'lucide-react';
import { Button } from '../../components/Button';
import { useLantern } from '../../store';
import { RunExport } from './RunExport';
import { RunProgress } from './RunProgress';
import { RunResults } from './RunResults';
import { RunSetup } from './RunSetup';
import './runner.css';

/** The collection runner, in place of the request and response while it is shown. */
export function RunnerView() {
  const runner = useLantern((s) => s.runner);
  const run = useLantern((s) => s.run);
  const error = useLantern((s) => s.runnerError);
  const workspaceId = useLantern((s) => s.workspaceView?.id);
  if (!runner) return null;
  const running = run !== undefined && !run.finished;
  const { hideRunner, closeRunner } = useLantern.getState();
  return (
    <section className="runner-view" aria-label="Runner" data-testid="runner-view">
      <header className="runner-head">
        <h2 data-testid="runner-title">Run {runner.scope.label}</h2>
        <span className="status-spacer" />
        <Button
          icon={ArrowLeft}
          testId="runner-back"
          onClick={hideRunner}
          title="Back to the request tabs (the run goes on)"
        >
          Requests
        </Button>
        <Button
          icon={X}
          testId="runner-close"
          disabled={running}
          title={
            running ? 'Cancel the run before closing the runner' : 'Close the runner and forget its results'
          }
          onClick={closeRunner}
        >
          Close
        </Button>
      </header>
      <div className="runner-body">
        {workspaceId ? (
          <RunSetup
            key={`${workspaceId}:${runner.scope.folderId ?? ''}`}
            scope={runner.scope}
            disabled={running}
          />
        ) : (
          <p className="empty-note">Open a workspace to run its requests.</p>
        )}
        {error && (
          <p className="inline-error" role="alert" data-testid="runner-error">
            {error}
          </p>
        )}
        {run && <RunProgress run={run} />}
        {run && run.rows.length > 0 && <RunResults rows={run.rows} iterations={run.iterations} />}
        {run?.finished && <RunExport />}
      </div>
    </section>
  );
}
