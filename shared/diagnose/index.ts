export { diagnose, RULES, sortAndDedupe } from './diagnose';
export type { Rule } from './diagnose';
export { ALL_FINDING_IDS, FINDINGS_BY_SCENARIO, scenarioOf } from './catalogue';
export { TOTARA_OPERATION_NAME } from './rules/totara-request';
export type { DiagnoseInput, Evidence, Finding, Severity, TokenInfo } from './types';
