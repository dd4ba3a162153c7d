import { useState } from 'react';
import { Button } from '../../components/Button';
import { useLantern } from '../../store';

const EXTENSIONS = { junit: 'xml', json: 'json' } as const;

/** Saves the finished run's report (JUnit XML or JSON, the reporters of `lantern run`) to a typed path. */
export function RunExport() {
  const [format, setFormat] = useState<'junit' | 'json'>('junit');
  const [path, setPath] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const save = async () => {
    const result = await useLantern.getState().saveRunReport(format, path.trim());
    setMessage(
      result.ok
        ? { ok: true, text: `Saved the report (${result.value.bytes} bytes) to ${result.value.path}.` }
        : { ok: false, text: result.error.message },
    );
  };
  return (
    <form
      className="run-export toolbar"
      aria-label="Export the report"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) void save();
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
      <input
        aria-label="Save the report to path"
        data-testid="run-report-path"
        placeholder={`/full/path/to/lantern-run.${EXTENSIONS[format]}`}
        value={path}
        onChange={(event) => setPath(event.target.value)}
      />
      <Button testId="run-report-save" disabled={path.trim() === ''} onClick={() => void save()}>
        Save report
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
