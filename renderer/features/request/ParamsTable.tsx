import { KeyValueTable } from '../../components/KeyValueTable';
import { useActiveTab, useLantern } from '../../store';
import { applyParamRows, paramRows } from './params';

/** The URL's query as a table, both ways: enabled rows live in the URL, disabled ones beside it. */
export function ParamsTable() {
  const url = useActiveTab((t) => t.draft.url);
  const disabledParams = useActiveTab((t) => t.draft.disabledParams);
  const editDraft = useLantern((s) => s.editDraft);
  return (
    <KeyValueTable
      testId="param"
      noun="parameter"
      rows={paramRows({ url, disabledParams })}
      onChange={(rows) => editDraft((d) => applyParamRows(d, rows))}
    />
  );
}
