import { Play } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { useLantern } from '../../store';
import { GLOBAL_ENVIRONMENT_ID } from '../../store/environments-slice';
import type { RunScope } from '../../store/runner-slice';
import { formatBytes } from '../response/format';
import { includedIds, runEntries, type RunEntry } from './run-order';
import { RunOrderList } from './RunOrderList';

interface DataFile {
  fileName: string;
  text: string;
  size: number;
}

/** The run's settings: environment, order, data file or iterations, delay, stop on first failure. */
export function RunSetup({ scope, disabled }: { scope: RunScope; disabled: boolean }) {
  const root = useLantern((s) => s.workspaceView?.root);
  const environments = useLantern((s) => s.environments);
  const activeEnvironment = useLantern((s) => s.environmentId);
  const starting = useLantern((s) => s.runStarting);
  const [entries, setEntries] = useState<RunEntry[]>(() => (root && runEntries(root, scope.folderId)) || []);
  const [environmentId, setEnvironmentId] = useState(activeEnvironment);
  const [data, setData] = useState<DataFile>();
  const [dataProblem, setDataProblem] = useState<string>();
  const [iterations, setIterations] = useState(1);
  const [delayMs, setDelayMs] = useState(0);
  const [bail, setBail] = useState(false);
  const order = includedIds(entries);
  const named = environments.filter((e) => e.id !== GLOBAL_ENVIRONMENT_ID);

  const pickData = async (file: File | undefined) => {
    setData(undefined);
    setDataProblem(undefined);
    if (!file) return;
    try {
      setData({ fileName: file.name, text: await file.text(), size: file.size });
    } catch (error) {
      setDataProblem(`${file.name} could not be read (${String(error)}). Pick the file again.`);
    }
  };
  const run = () =>
    void useLantern.getState().startRun({
      ...(scope.folderId ? { folderId: scope.folderId } : {}),
      ...(environmentId ? { environmentId } : {}),
      order,
      ...(data ? { data: { fileName: data.fileName, text: data.text } } : { iterations }),
      delayMs,
      bail,
    });

  return (
    <form
      className="run-setup"
      data-testid="run-setup"
      onSubmit={(event) => {
        event.preventDefault();
        if (order.length > 0) run();
      }}
    >
      <fieldset disabled={disabled || starting}>
        <div className="run-setup-grid">
          <label>
            Environment
            <select
              data-testid="run-environment"
              value={environmentId ?? ''}
              onChange={(event) => setEnvironmentId(event.target.value || undefined)}
            >
              <option value="">No environment (globals only)</option>
              {named.map((environment) => (
                <option key={environment.id} value={environment.id}>
                  {environment.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Data file (CSV or JSON)
            <input
              type="file"
              accept=".csv,.json,text/csv,application/json"
              data-testid="run-data-file"
              onChange={(event) => void pickData(event.target.files?.[0])}
            />
          </label>
          <label>
            {data ? 'Iterations: one per data row' : 'Iterations'}
            <input
              type="number"
              min={1}
              max={10_000}
              data-testid="run-iterations"
              value={data ? '' : iterations}
              placeholder={data ? 'from the file' : undefined}
              disabled={data !== undefined}
              title={data ? 'The data file’s rows decide the iterations' : undefined}
              onChange={(event) => setIterations(Math.max(1, Math.floor(Number(event.target.value) || 1)))}
            />
          </label>
          <label>
            Delay between requests (ms)
            <input
              type="number"
              min={0}
              max={600_000}
              data-testid="run-delay"
              value={delayMs}
              onChange={(event) => setDelayMs(Math.max(0, Math.floor(Number(event.target.value) || 0)))}
            />
          </label>
          <label className="run-bail">
            <input
              type="checkbox"
              data-testid="run-bail"
              checked={bail}
              onChange={(event) => setBail(event.target.checked)}
            />
            Stop on first failure
          </label>
        </div>
        {data && (
          <p className="hint" data-testid="run-data-picked">
            {data.fileName} ({formatBytes(data.size)}): one iteration per row; its rows and columns are shown
            once the run starts.
          </p>
        )}
        {dataProblem && (
          <p className="inline-error" role="alert">
            {dataProblem}
          </p>
        )}
        <h3 className="run-section-title">
          Order ({order.length} of {entries.length} requests)
        </h3>
        {entries.length === 0 ? (
          <p className="empty-note" data-testid="run-no-requests">
            There are no saved requests in {scope.label} to run.
          </p>
        ) : (
          <RunOrderList entries={entries} onChange={setEntries} />
        )}
        <div className="run-actions">
          <Button
            variant="primary"
            icon={Play}
            testId="run-start"
            disabled={order.length === 0}
            title={order.length === 0 ? 'Tick at least one request to run' : undefined}
            onClick={run}
          >
            {starting ? 'Starting…' : 'Run'}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
