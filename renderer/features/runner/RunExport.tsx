import { useState } from 'react';
import { Button } from '../../components/Button';
import { useLantern } from '../../store';

/**
 * Saves the finished run's report (JUnit XML or JSON, the reporters of `lantern run`): where the user
 * chooses in the desktop app, as a download in browser mode.
 */
export function RunExport() {
  const [format, setFormat] = useState<'junit' | 'json'>('junit');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const save = async () => setMessage(await useLantern.getState().saveRunReport(format));
  return (
    <form
      className="run-export toolbar"
      aria-label="Export the report"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        Report
        <select
          data-testid="run-report-format"
          value={format}
          onChange={(event) => setFormat(event.target.value === 'json' ? 'json' : 'junit')}
        >
          <option value="junit">JUnit XML</option>
          <option value="json">JSON</option>
        </select>
      </label>
      <Button testId="run-report-save" onClick={() => void save()}>
        Save report…
      </Button>
      {message && (
        <p
          className={message.ok ? 'hint' : 'inline-error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="run-report-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
