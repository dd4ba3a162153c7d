import Editor, { type OnMount } from '@monaco-editor/react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { useMemo, useRef } from 'react';
import { monaco } from './monaco-setup';
import { useColorScheme } from '../theme';

interface CodeEditorProps {
  value: string;
  language: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+Enter inside the editor (Monaco swallows the key otherwise). */
  onSubmit?: () => void;
  testId: string;
  ariaLabel: string;
  /** The model's path (its URI): one model per path, so language services can match files by name. */
  path?: string;
  /** Called once the editor exists, to add actions, read the cursor or set markers. */
  onEditorMount?: (editor: MonacoEditor.IStandaloneCodeEditor) => void;
}

/** Monaco, bundled locally, with Lantern's defaults. */
export function CodeEditor({
  value,
  language,
  readOnly,
  onChange,
  onSubmit,
  testId,
  ariaLabel,
  path,
  onEditorMount,
}: CodeEditorProps) {
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;
  const scheme = useColorScheme();
  // The same object while nothing in it changes: @monaco-editor/react calls `updateOptions` whenever
  // it gets a new one, which recomputes the editor's whole configuration on every render (every
  // keystroke of a GraphQL query re-renders the workbench).
  const options = useMemo(
    () => ({
      readOnly,
      ariaLabel,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      wordWrap: 'on' as const,
      tabSize: 2,
      renderLineHighlight: readOnly ? ('none' as const) : ('line' as const),
      // Hovers and completion lists are drawn above the page, so a narrow pane's edge never cuts them.
      fixedOverflowWidgets: true,
      // A GraphQL editor completes from the schema only: Monaco's word-based suggestions (words
      // picked from the document where the schema has nothing) would look like schema fields.
      ...(language === 'graphql' ? { wordBasedSuggestions: 'off' as const } : {}),
    }),
    [readOnly, ariaLabel, language],
  );
  const onMount: OnMount = (editor) => {
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => submitRef.current?.());
    onEditorMount?.(editor);
  };
  return (
    <div className="code-editor" data-testid={testId}>
      <Editor
        value={value}
        language={language}
        path={path}
        theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(text) => onChange?.(text ?? '')}
        onMount={onMount}
        options={options}
      />
    </div>
  );
}
