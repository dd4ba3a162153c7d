/** The workspace on disk (issue 7 §1): open, initialise, edit, watch and list workspaces. */
export { filterTree } from './filter-tree';
export { initWorkspace, inspectFolder, type FolderInspection } from './init-workspace';
export { openWorkspace } from './load-workspace';
export { decodeRequest, encodeRequest } from './request-file';
export type { EnvironmentInput } from './environment-operations';
export type { FolderPatch } from './folder-operations';
export type { RequestPatch, UpdateOptions } from './request-operations';
export * from './types';
export { WorkspaceRegistry, type KnownWorkspace } from './workspace-registry';
export { WorkspaceStore, type WorkspaceStoreOptions } from './workspace-store';
