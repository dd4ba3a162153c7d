import { ArrowDown, ArrowUp } from 'lucide-react';
import { IconButton } from '../../components/Button';
import { moveEntry, type RunEntry } from './run-order';

interface Props {
  entries: RunEntry[];
  onChange: (entries: RunEntry[]) => void;
}

/** The run order: a checkbox per request to include it, and buttons (keyboard reachable) to move it. */
export function RunOrderList({ entries, onChange }: Props) {
  const toggle = (index: number) =>
    onChange(entries.map((entry, i) => (i === index ? { ...entry, included: !entry.included } : entry)));
  const move = (index: number, delta: number) => onChange(moveEntry(entries, index, delta));
  return (
    <ol className="run-order" data-testid="run-order" aria-label="Run order">
      {entries.map((entry, index) => (
        <li
          key={entry.id}
          className={entry.included ? 'run-order-row' : 'run-order-row excluded'}
          data-testid={`run-order-row-${index}`}
        >
          <label>
            <input
              type="checkbox"
              checked={entry.included}
              data-testid={`run-include-${entry.id}`}
              onChange={() => toggle(index)}
            />
            <span className={`badge method-${entry.method.toLowerCase()}`}>{entry.method}</span>
            <span className="run-order-name">{entry.name}</span>
            {entry.folder && <span className="hint">{entry.folder}</span>}
          </label>
          <IconButton
            label={`Move ${entry.name} up`}
            icon={ArrowUp}
            testId={`run-up-${entry.id}`}
            disabled={index === 0}
            onClick={() => move(index, -1)}
          />
          <IconButton
            label={`Move ${entry.name} down`}
            icon={ArrowDown}
            testId={`run-down-${entry.id}`}
            disabled={index === entries.length - 1}
            onClick={() => move(index, 1)}
          />
        </li>
      ))}
    </ol>
  );
}
