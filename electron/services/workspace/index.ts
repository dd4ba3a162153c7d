/** The workspace on disk (issue 7 §1): open, initialise, edit, watch and list workspaces. */
export { filterTree } from '../../../shared/collections/filter-tree';
export { initWorkspace, inspectFolder, type FolderInspection } from './init-workspace';
export { openWorkspace } from './load-workspace';
export { decodeRequest, encodeRequest } from '../../../shared/workspace-format/request-file';
export type { EnvironmentInput } from './environment-operations';
export type { FolderPatch } from './folder-operations';
export type { RequestPatch, UpdateOptions } from './request-operations';
export * from '../../../shared/workspace-format/types';
export { WorkspaceRegistry, type KnownWorkspace } from './workspace-registry';
export { WorkspaceStore, type WorkspaceStoreOptions } from './workspace-store';
