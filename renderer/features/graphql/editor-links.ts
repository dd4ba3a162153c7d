/** The workbench's Monaco editors by request tab: for markers, the cursor and "show in query". */
import type { editor as MonacoEditor } from 'monaco-editor';
import { monaco } from '../../editor/monaco-setup';

type Editor = MonacoEditor.IStandaloneCodeEditor;
const queryEditors = new Map<string, Editor>();
const variablesEditors = new Map<string, Editor>();

function register(map: Map<string, Editor>, tabId: string, editor: Editor): void {
  map.set(tabId, editor);
  editor.onDidDispose(() => {
    if (map.get(tabId) === editor) map.delete(tabId);
  });
}

export const registerQueryEditor = (tabId: string, editor: Editor) => register(queryEditors, tabId, editor);
export const registerVariablesEditor = (tabId: string, editor: Editor) =>
  register(variablesEditors, tabId, editor);
export const queryEditorOf = (tabId: string) => queryEditors.get(tabId);
export const variablesEditorOf = (tabId: string) => variablesEditors.get(tabId);

export interface MarkerSpec {
  message: string;
  severity: 'error' | 'warning';
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Replaces one owner's markers on an editor's model; lines beyond the text are clamped. */
export function setMarkers(editor: Editor | undefined, owner: string, markers: MarkerSpec[]): void {
  const model = editor?.getModel();
  if (!model) return;
  const lines = model.getLineCount();
  monaco.editor.setModelMarkers(
    model,
    owner,
    markers.map((marker) => {
      const line = Math.min(Math.max(1, marker.line), lines);
      const endLine = Math.min(Math.max(line, marker.endLine ?? line), lines);
      const column = Math.max(1, marker.column);
      // A location names one point: mark the word that starts there so the squiggle is visible.
      const word = model.getWordAtPosition({ lineNumber: line, column });
      const endColumn = Math.max(
        marker.endColumn ?? 0,
        endLine === line ? (word?.endColumn ?? column + 1) : 1,
        endLine === line ? column + 1 : 1,
      );
      return {
        message: marker.message,
        severity: marker.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: endLine,
        endColumn,
      };
    }),
  );
}

/** Moves the query editor's cursor to a place and focuses it; false when the editor is not open. */
export function revealInQuery(tabId: string, line: number, column: number): boolean {
  const editor = queryEditors.get(tabId);
  if (!editor) return false;
  editor.setPosition({ lineNumber: line, column });
  editor.revealPositionInCenter({ lineNumber: line, column });
  editor.focus();
  return true;
}

/** Where a variable's key sits in the Variables editor's JSON text (1-based), else the first line. */
export function variableLocation(text: string, name: string | undefined): { line: number; column: number } {
  if (name) {
    const index = text.indexOf(`"${name}"`);
    if (index >= 0) {
      const before = text.slice(0, index).split('\n');
      return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    }
  }
  return { line: 1, column: 1 };
}
