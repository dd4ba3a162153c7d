export { findVariables, isValidVariableName, scanTemplate } from './scan';
export type { ScannedTemplate, TemplatePart, TemplateSyntaxProblem, VariableReference } from './scan';
export { variableLayer } from './scope';
export type { TemplateScope, TemplateVariable, VariableLayer } from './scope';
export { DEFAULT_MAX_DEPTH, resolveTemplate, TemplateResolver, undefinedVariables } from './resolve';
export type { ResolveOptions, TemplateError, TemplateErrorCode, TemplateResult } from './resolve';
export { resolveDraft } from './resolve-draft';
export type { DraftResolution } from './resolve-draft';
