import type { Assertion, Capture } from '../assertions/model';
import type { Folder } from '../model/collection';
import { capitalise, type ImportContext } from './import-context';
import { translateTestScript, type ScriptTranslation } from './script-tests';
import type { Dialect } from './script-expressions';

/**
 * What an importer does with a script: a test script becomes test rows and captures where its
 * lines can be read; every line that cannot is named in the report; the script itself is kept,
 * as imported, in the description of the request or folder it belonged to.
 */

export interface SourceScript {
  /** `test` (Postman's test event, Insomnia's after-response script or unit test) or `pre-request`. */
  kind: 'test' | 'pre-request';
  code: string;
  /** How the report and the description name it: "test script", "unit test "Returns 200"". */
  label: string;
  /** Postman or Insomnia. */
  tool: string;
  dialect: Dialect;
  /** The name of rows the script does not name itself (an Insomnia unit test's rows: the test's name). */
  defaultName?: string;
  /** Switched off in the source: kept, not translated. */
  disabled?: boolean;
}

export interface CarriedScripts {
  tests: Assertion[];
  captures: Capture[];
  /** Text to add to the description (empty when there was no script). */
  note: string;
}

const MAX_LINE = 160;
/** Descriptions hold up to 100,000 characters: a longer script is reported, not cut. */
const MAX_KEPT = 40_000;
const shorten = (text: string) => (text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where the script itself went, for the report. */
const keptNote = (script: SourceScript) =>
  script.code.length > MAX_KEPT
    ? `it is too long (${script.code.length} characters) to keep in the description: copy it from ${script.tool} if you need it`
    : 'it is kept in the description';

function fenced(script: SourceScript, heading: string): string {
  if (script.code.length > MAX_KEPT) return '';
  // A fence longer than any run of backticks in the script, so the script cannot end it early.
  const longest = Math.max(2, ...[...script.code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${heading}\n\n${fence}js\n${script.code.trimEnd()}\n${fence}`;
}

function reportLines(
  translation: ScriptTranslation,
  script: SourceScript,
  where: string,
  ctx: ImportContext,
  foldersHoldNoCaptures: boolean,
): void {
  const carried = [plural(translation.tests.length, 'test')];
  if (!foldersHoldNoCaptures && translation.captures.length > 0)
    carried.push(plural(translation.captures.length, 'capture'));
  const left = translation.untranslated.length + (foldersHoldNoCaptures ? translation.captures.length : 0);
  if (left === 0) return;
  ctx.skip(
    `The ${script.tool} ${script.label} of ${where} became ${carried.join(' and ')}; ${plural(left, 'line')} of it ${left === 1 ? 'was' : 'were'} not translated (listed below), as Lantern runs no scripts; ${keptNote(script).replace('it is', 'the whole script is')}.`,
  );
  const heading = `${capitalise(script.label)} of ${where}`;
  for (const { line, text } of translation.untranslated)
    ctx.skip(`${heading}, line ${line}, not translated: ${shorten(text)}`);
  if (foldersHoldNoCaptures)
    for (const { line, text } of translation.captureLines)
      ctx.skip(
        `${heading}, line ${line}, not translated: a folder cannot capture variables in Lantern; add the capture to the request that gives the value. ${shorten(text)}`,
      );
}

/**
 * Carries the scripts of one request or folder over. `isFolder`: captures have nowhere to go on a
 * folder (its test rows apply to every request below it; a capture would not), so they are reported.
 */
export function carryScripts(
  scripts: readonly SourceScript[],
  where: string,
  ctx: ImportContext,
  isFolder = false,
): CarriedScripts {
  const carried: CarriedScripts = { tests: [], captures: [], note: '' };
  const notes: string[] = [];
  for (const script of scripts) {
    if (script.code.trim() === '') continue;
    const source = `${script.tool} ${script.label}`;
    if (script.disabled) {
      ctx.skip(
        `The ${source} of ${where} is switched off in ${script.tool}, so it was not translated; ${keptNote(script)}.`,
      );
      notes.push(fenced(script, `${capitalise(source)} (switched off in ${script.tool}), kept as imported:`));
      continue;
    }
    if (script.kind === 'pre-request') {
      ctx.skip(
        `The ${source} of ${where} does not run: Lantern runs no scripts, so do by hand what it did before each send; ${keptNote(script)}.`,
      );
      notes.push(fenced(script, `${capitalise(source)}, kept as imported (Lantern runs no scripts):`));
      continue;
    }
    const translation = translateTestScript(script.code, script.dialect);
    const { defaultName } = script;
    carried.tests.push(
      ...translation.tests.map((test) =>
        test.name === undefined && defaultName !== undefined ? { name: defaultName, ...test } : test,
      ),
    );
    if (!isFolder) carried.captures.push(...translation.captures);
    reportLines(translation, script, where, ctx, isFolder);
    const into = isFolder ? 'tests of this folder' : 'tests and captures of this request';
    notes.push(
      fenced(
        script,
        `${capitalise(source)}, kept as imported (Lantern runs no scripts: the lines it could read became the ${into}):`,
      ),
    );
  }
  carried.note = notes.filter((note) => note !== '').join('\n\n');
  return carried;
}

/** A description with the kept scripts after it. */
export function withScriptNote(description: string | undefined, note: string): string | undefined {
  if (note === '') return description;
  return description ? `${description}\n\n${note}` : note;
}

/** A folder's description (with its kept scripts) and the test rows its scripts gave. */
export function withFolderScripts(
  folder: Folder,
  description: string | undefined,
  scripts: CarriedScripts,
): void {
  const text = withScriptNote(description, scripts.note);
  if (text) folder.description = text;
  if (scripts.tests.length > 0) folder.tests = scripts.tests;
}
