import { capitalise, syntaxMessage } from './messages';
import { scanTemplate, type TemplateSyntaxProblem, type VariableReference } from './scan';
import { describeScope, lookupVariable, type TemplateScope } from './scope';

export type TemplateErrorCode =
  'undefined-variable' | 'cycle' | 'too-deep' | 'unclosed' | 'empty' | 'invalid-name' | 'invalid-header';

export type TemplateError = {
  code: TemplateErrorCode;
  /** What happened, why, and what to do, in plain words. */
  message: string;
  /** Span (0-based, end exclusive) in the text that was resolved: the reference or the bad braces. */
  start: number;
  end: number;
  /** The variable at fault: the undefined one, or the one whose value is malformed. */
  name?: string;
  /** From the reference in the text down to the fault, e.g. ["base", "host"] or ["a", "b", "a"]. */
  chain?: string[];
  /** Set by resolveDraft: `url`, `headers[2].value`, `body`. */
  where?: string;
};

export type TemplateResult =
  | {
      ok: true;
      text: string;
      /** Every variable the text used, nested ones included, in order of first use. */
      used: string[];
      /** Resolved values of secret variables, longest first, so a caller can mask them. */
      secretValues: string[];
    }
  | { ok: false; errors: TemplateError[] };

export type ResolveOptions = {
  /** Deepest allowed chain of variables referring to variables. */
  maxDepth?: number;
  /** How messages name the text, e.g. "the URL". */
  location?: string;
};

export const DEFAULT_MAX_DEPTH = 10;

type Fault =
  | { kind: 'undefined'; chain: string[] }
  | { kind: 'cycle'; chain: string[] }
  | { kind: 'too-deep'; chain: string[] }
  | { kind: 'syntax'; chain: string[]; problem: TemplateSyntaxProblem; value: string };

type Resolved = { value: string; faults: Fault[] };

/**
 * One resolver per scope: it remembers resolved variables, and collects the names used
 * and the secret values across every text it resolves (a whole request draft, say).
 */
export class TemplateResolver {
  readonly used = new Set<string>();
  private readonly secrets = new Set<string>();
  private readonly cache = new Map<string, string>();
  private readonly maxDepth: number;

  constructor(
    private readonly scope: TemplateScope,
    options: { maxDepth?: number } = {},
  ) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  }

  get secretValues(): string[] {
    return [...this.secrets].sort((a, b) => b.length - a.length);
  }

  /** Resolves one text; errors name it with `location` ("the URL"). */
  resolve(text: string, location = 'the text'): { text: string } | { errors: TemplateError[] } {
    const { parts, problems } = scanTemplate(text);
    const errors: TemplateError[] = problems.map((problem) => ({
      code: problem.code,
      message: syntaxMessage(capitalise(location), problem, text),
      start: problem.start,
      end: problem.end,
    }));
    let output = '';
    for (const part of parts) {
      if (part.kind === 'text') {
        output += part.text;
        continue;
      }
      const resolved = this.resolveName(part.name, []);
      output += resolved.value;
      for (const fault of resolved.faults) errors.push(this.describeFault(fault, part, location));
    }
    return errors.length > 0 ? { errors: dedupe(errors) } : { text: output };
  }

  private resolveName(name: string, stack: readonly string[]): Resolved {
    const cached = this.cache.get(name);
    if (cached !== undefined) return { value: cached, faults: [] };
    const chain = [...stack, name];
    if (stack.includes(name)) return { value: '', faults: [{ kind: 'cycle', chain }] };
    if (stack.length >= this.maxDepth) return { value: '', faults: [{ kind: 'too-deep', chain }] };
    const variable = lookupVariable(this.scope, name);
    if (!variable) return { value: '', faults: [{ kind: 'undefined', chain }] };
    this.used.add(name);

    const { parts, problems } = scanTemplate(variable.value);
    const faults: Fault[] = problems.map((problem) => ({
      kind: 'syntax',
      chain,
      problem,
      value: variable.value,
    }));
    let value = '';
    for (const part of parts) {
      if (part.kind === 'text') {
        value += part.text;
        continue;
      }
      const inner = this.resolveName(part.name, chain);
      value += inner.value;
      faults.push(...inner.faults);
    }
    if (faults.length > 0) return { value: '', faults };

    this.cache.set(name, value);
    if (variable.secret && value !== '') this.secrets.add(value);
    return { value, faults };
  }

  private describeFault(fault: Fault, reference: VariableReference, location: string): TemplateError {
    const top = reference.name;
    const culprit = fault.chain[fault.chain.length - 1] ?? top;
    const span = { start: reference.start, end: reference.end, chain: fault.chain };
    const nested = fault.chain.length > 1;
    const parent = fault.chain[fault.chain.length - 2];
    const via = nested ? `, used by {{${parent}}} in ${location},` : ` in ${location}`;
    const pathText = fault.chain.join(' → ');
    switch (fault.kind) {
      case 'undefined':
        return {
          code: 'undefined-variable',
          name: culprit,
          ...span,
          message:
            `The variable {{${culprit}}}${via} is not defined in ${describeScope(this.scope)}. ` +
            (nested
              ? `Define it, or remove the reference from {{${parent}}}.`
              : 'Define it, or remove the reference.'),
        };
      case 'cycle':
        return {
          code: 'cycle',
          name: top,
          ...span,
          message:
            `The variable {{${top}}} in ${location} refers back to itself (${pathText}), so it can never ` +
            'be resolved. Give one of these variables a plain value.',
        };
      case 'too-deep':
        return {
          code: 'too-deep',
          name: top,
          ...span,
          message:
            `The variable {{${top}}} in ${location} nests variables more than ${this.maxDepth} levels deep ` +
            `(${pathText}). Shorten the chain by giving one of them a plain value.`,
        };
      case 'syntax':
        return {
          code: fault.problem.code,
          name: culprit,
          ...span,
          message: syntaxMessage(
            `The value of {{${culprit}}} (used in ${location})`,
            fault.problem,
            fault.value,
          ),
        };
    }
  }
}

/** The same fault reached twice through one reference (`{{a}}{{a}}` in a value) is told once. */
function dedupe(errors: TemplateError[]): TemplateError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.start}:${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Replaces every `{{name}}` using the first layer of `scope` that defines it. An undefined
 * variable is an error, never an empty string: sending `Bearer ` silently is worse than not sending.
 */
export function resolveTemplate(
  text: string,
  scope: TemplateScope,
  options: ResolveOptions = {},
): TemplateResult {
  const resolver = new TemplateResolver(scope, options);
  const result = resolver.resolve(text, options.location);
  if ('errors' in result) return { ok: false, errors: result.errors };
  return { ok: true, text: result.text, used: [...resolver.used], secretValues: resolver.secretValues };
}

/** References in `text` that cannot resolve because a variable, possibly a nested one, is missing. */
export function undefinedVariables(
  text: string,
  scope: TemplateScope,
): (VariableReference & { missing: string })[] {
  const resolver = new TemplateResolver(scope);
  const result = resolver.resolve(text);
  if (!('errors' in result)) return [];
  const found: (VariableReference & { missing: string })[] = [];
  for (const error of result.errors) {
    if (error.code !== 'undefined-variable' || !error.chain?.[0] || !error.name) continue;
    const reference = { name: error.chain[0], start: error.start, end: error.end, missing: error.name };
    if (!found.some((known) => known.start === reference.start && known.missing === reference.missing)) {
      found.push(reference);
    }
  }
  return found;
}
