import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

export interface SchemaChange {
  message: string;
  /** Where in the schema, e.g. `core_user.email`. */
  path?: string;
  /** Why a dangerous or breaking change matters, when graphql-inspector says. */
  reason?: string;
}

export interface SchemaDiff {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
}

/** What changed between the cached schema and a refreshed one, so a broken query has an explanation. */
export async function diffSchemas(oldSchema: GraphQLSchema, newSchema: GraphQLSchema): Promise<SchemaDiff> {
  const changes = await diff(oldSchema, newSchema);
  const result: SchemaDiff = { breaking: [], dangerous: [], safe: [] };
  for (const change of changes) {
    const item: SchemaChange = { message: change.message };
    if (change.path) item.path = change.path;
    if (change.criticality.reason) item.reason = change.criticality.reason;
    if (change.criticality.level === CriticalityLevel.Breaking) result.breaking.push(item);
    else if (change.criticality.level === CriticalityLevel.Dangerous) result.dangerous.push(item);
    else result.safe.push(item);
  }
  return result;
}

export const isEmptyDiff = (changes: SchemaDiff) =>
  changes.breaking.length + changes.dangerous.length + changes.safe.length === 0;
