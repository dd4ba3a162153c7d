import type { TemplateError, TemplateErrorCode } from './resolve';

/** The CallError code of each reason a template blocks a send: the diagnosis titles it by this. */
const CODES: Record<TemplateErrorCode, string> = {
  'undefined-variable': 'template.unresolved',
  cycle: 'template.cycle',
  'too-deep': 'template.too-deep',
  unclosed: 'template.syntax',
  empty: 'template.syntax',
  'invalid-name': 'template.syntax',
  'invalid-header': 'template.invalid-header-value',
};

/**
 * The code of a send blocked by its templates: the first error's reason (the message lists them
 * all), so a header value with a line break is not reported as a variable without a value.
 */
export function templateErrorCode(errors: readonly TemplateError[]): string {
  const [first] = errors;
  return first ? CODES[first.code] : 'template.unresolved';
}
