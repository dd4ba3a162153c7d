import { z } from 'zod';
import { assertionSchema } from '../assertions/model';
import { requestAuthSchema } from '../model/auth';
import { variableSchema } from '../model/collection';
import { headerRowSchema } from '../model/request';
import { decodeFile, encodeFile, orderKeys, type Decoded, type Extras } from './file-codec';
import { headerRows, orderAuth, testRows } from './request-file';
import {
  workspaceCredentialSchema,
  type Folder,
  type WorkspaceCredential,
  type WorkspaceEnvironment,
  type WorkspaceVariable,
} from './types';

/** What `_folder.yaml` holds; `order` lists child file and folder names as the sidebar shows them. */
export interface FolderMeta {
  id?: string;
  name?: string;
  description?: string;
  auth?: Folder['auth'];
  headers?: Folder['headers'];
  variables?: Folder['variables'];
  tests?: Folder['tests'];
  order?: string[];
}

const FOLDER_KEYS = ['id', 'name', 'description', 'auth', 'headers', 'variables', 'tests', 'order'] as const;
const folderMetaSchema = z.object({
  id: z.string().min(1).max(128).optional(),
  name: z.string().min(1).max(500).optional(),
  description: z.string().max(100_000).optional(),
  auth: requestAuthSchema.optional(),
  headers: z.array(headerRowSchema).optional(),
  variables: z.array(variableSchema).optional(),
  tests: z.array(assertionSchema).optional(),
  order: z.array(z.string()).optional(),
});

/** A secret's value is never written: the vault holds it, the file only says it is secret. */
function variableRows(variables: readonly WorkspaceVariable[]): Record<string, unknown>[] {
  return variables.map((v) => ({ name: v.name, value: v.secret ? '' : v.value, secret: v.secret }));
}

export function encodeFolderMeta(meta: FolderMeta, extras: Extras = {}): string {
  const value = {
    ...meta,
    auth: meta.auth === undefined ? undefined : orderAuth(meta.auth),
    headers: meta.headers === undefined ? undefined : headerRows(meta.headers),
    variables: meta.variables === undefined ? undefined : variableRows(meta.variables),
    tests: testRows(meta.tests),
  };
  return encodeFile(value, FOLDER_KEYS, extras);
}

export function decodeFolderMeta(text: string): Decoded<FolderMeta> {
  return decodeFile(text, folderMetaSchema, FOLDER_KEYS);
}

const ENVIRONMENT_KEYS = ['name', 'variables'] as const;
const environmentFileSchema = z.object({
  name: z.string().min(1).max(200),
  variables: z.array(variableSchema).default([]),
});

export function encodeEnvironment(environment: WorkspaceEnvironment, extras: Extras = {}): string {
  const value = { name: environment.name, variables: variableRows(environment.variables) };
  return encodeFile(value, ENVIRONMENT_KEYS, extras);
}

export function decodeEnvironment(text: string, id: string): Decoded<WorkspaceEnvironment> {
  const decoded = decodeFile(text, environmentFileSchema, ENVIRONMENT_KEYS);
  if (!decoded.ok) return decoded;
  return { ...decoded, value: { id, ...decoded.value } };
}

export interface WorkspaceFile {
  version: 1;
  name: string;
  id: string;
  /** Credentials whose secret is a `{{variable}}` reference (an import's): no secret, so shareable. */
  credentials?: WorkspaceCredential[];
}

const WORKSPACE_KEYS = ['version', 'name', 'id', 'credentials'] as const;
const workspaceFileSchema = z.object({
  version: z.literal(1, 'Only workspace format version 1 is known; a newer Lantern may have written this.'),
  name: z.string().min(1).max(500),
  id: z.string().min(1).max(128),
  credentials: z.array(workspaceCredentialSchema).max(500).optional(),
});

export function encodeWorkspaceFile(file: WorkspaceFile, extras: Extras = {}): string {
  return encodeFile(orderKeys({ ...file }, WORKSPACE_KEYS), WORKSPACE_KEYS, extras);
}

export function decodeWorkspaceFile(text: string): Decoded<WorkspaceFile> {
  return decodeFile(text, workspaceFileSchema, WORKSPACE_KEYS);
}
