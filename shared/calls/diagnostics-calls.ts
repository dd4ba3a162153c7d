/** Rate limits, diagnostics and the support bundle. */

export const diagnosticsCalls = {} as const;
export type DiagnosticsCalls = typeof diagnosticsCalls;

/** Main→renderer events of this domain. */
export const diagnosticsEvents = {} as const;
