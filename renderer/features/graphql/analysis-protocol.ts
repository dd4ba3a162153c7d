/** The messages between the GraphQL workbench and its analysis worker. */
import type { CostEstimate } from '../../../shared/graphql/estimate';
import type { Limits } from '../../../shared/graphql/limits';
import type { OperationInfo, SyntaxProblem } from '../../../shared/graphql/operations';
import type { RegistryOperation } from '../../../shared/graphql/persisted';
import type { ResultAnalysis } from '../../../shared/graphql/result';
import type { Diagnostic, VariableProblem } from '../../../shared/graphql/validate';

/**
 * The text a schema is built from: the introspection result when there is one (`buildClientSchema`,
 * several times faster for a large schema), else the SDL.
 */
export type SchemaText = { introspection: string } | { sdl: string };

export interface AnalyzeInput {
  /** The schema set with `setSchema`, when there is one. */
  schemaId?: string;
  query: string;
  variables: string;
  operationName?: string;
  /** Persisted mode: the registry's operation stands in for the query text. */
  persisted?: RegistryOperation;
  limits: Limits;
}

export interface Analysis {
  operations: OperationInfo[];
  syntax?: SyntaxProblem;
  /** Client-side validation against the schema (Totara 17 skips it on the server). */
  diagnostics: Diagnostic[];
  variableProblems: VariableProblem[];
  estimate?: CostEstimate;
  estimateProblem?: string;
  limitWarnings: string[];
  operationNameWarning?: string;
  /** Whether a schema was used: without one only syntax, variables' JSON and the estimate are checked. */
  withSchema: boolean;
  /** Milliseconds the worker spent. */
  tookMs: number;
}

export interface TypeSummary {
  name: string;
  kind: string;
  description?: string;
  /** Set when the match is a field of the type: `Type.field`. */
  field?: string;
}

export interface ArgumentDoc {
  name: string;
  type: string;
  description?: string;
  defaultValue?: string;
  deprecationReason?: string;
}

export interface FieldDoc extends ArgumentDoc {
  args: ArgumentDoc[];
}

export interface TypeDoc {
  name: string;
  kind: string;
  description?: string;
  fields: FieldDoc[];
  /** Interfaces it implements, or the members of a union / implementations of an interface. */
  interfaces: string[];
  possibleTypes: string[];
  enumValues: { name: string; description?: string; deprecationReason?: string }[];
}

export type WorkerRequest =
  | { type: 'setSchema'; schemaId: string; text: SchemaText }
  | { type: 'analyze'; input: AnalyzeInput }
  | { type: 'typeAt'; schemaId: string; query: string; offset: number }
  | { type: 'searchTypes'; schemaId: string; search: string; limit: number }
  | { type: 'describeType'; schemaId: string; name: string }
  | { type: 'prettify'; query: string }
  | { type: 'analyzeResult'; text: string; query?: string; operationName?: string };

export interface WorkerAnswers {
  setSchema: { typeCount: number; tookMs: number };
  analyze: Analysis;
  typeAt: { typeName?: string };
  searchTypes: { types: TypeSummary[]; total: number };
  describeType: { type?: TypeDoc };
  prettify: { query?: string; problem?: string };
  analyzeResult: ResultView;
}

/** The result analysis plus the `data` part, pretty-printed for the panel (absent when too large). */
export type ResultView = ResultAnalysis & { dataText?: string };

export type WorkerMessage = { id: number; request: WorkerRequest };
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
