/** Workspaces on disk (collections), import and export. */

export const workspaceCalls = {} as const;
export type WorkspaceCalls = typeof workspaceCalls;

/** Main→renderer events of this domain. */
export const workspaceEvents = {} as const;
