import { useState } from 'react';
import { fileRefName } from '../../../shared/files/file-ref';
import { refusedFile } from '../../../shared/files/refused-file';
import { useActiveTab, useLantern } from '../../store';
import { ChooseFileButton } from './ChooseFileButton';

/**
 * Under a send Lantern refused because a file was not chosen: "Choose <what>…" opens the picker and
 * puts the chosen file in exactly that field, so the next send can read it.
 */
export function RefusedFileChooser() {
  const sendError = useActiveTab((t) => t.sendError);
  const draft = useActiveTab((t) => t.draft);
  const [error, setError] = useState<string>();
  if (sendError?.code !== 'file.not-granted') return null;
  const refused = refusedFile(draft, sendError.message);
  if (!refused) return null;
  return (
    <p className="refused-file" data-testid="refused-file">
      <ChooseFileButton
        testId="refused-file-choose"
        label={`Choose ${refused.what} (${fileRefName(refused.text)})…`}
        title={`Choose ${refused.what}`}
        onChosen={(file) => useLantern.getState().editDraft((d) => refused.replace(d, file.ref))}
        onError={setError}
      />
      {error && <span className="inline-error">{error}</span>}
    </p>
  );
}
