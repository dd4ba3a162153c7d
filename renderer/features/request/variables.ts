import { findVariables } from '../../../shared/template';

export { definedNames } from '../../store/defined-names';

export interface TextSegment {
  text: string;
  variable?: { name: string; defined: boolean };
}

/** Splits text into plain runs and `{{variable}}` runs, marking the undefined ones. */
export function segmentVariables(text: string, defined: ReadonlySet<string>): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const reference of findVariables(text)) {
    if (reference.start > at) segments.push({ text: text.slice(at, reference.start) });
    segments.push({
      text: text.slice(reference.start, reference.end),
      variable: { name: reference.name, defined: defined.has(reference.name) },
    });
    at = reference.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
