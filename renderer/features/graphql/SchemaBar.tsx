import { useState } from 'react';
import type { SchemaSnapshot } from '../../../shared/calls/graphql-calls';
import type { RequestDraft } from '../../../shared/model/request';
import { useLantern } from '../../store';
import type { SchemaKey, SchemaState } from '../../store/graphql-slice';
import { SchemaDiffNotice } from './SchemaDiffView';
import type { ChosenFile } from '../../../shared/files/file-ref';
import { ChooseFileButton } from '../files/ChooseFileButton';

interface SchemaBarProps {
  schemaKey: SchemaKey | undefined;
  state: SchemaState | undefined;
  draft: RequestDraft;
  maxDepth: number | undefined;
  /** Set when the worker could not build the schema for validation. */
  schemaProblem: string | undefined;
}

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
};

function describe(snapshot: SchemaSnapshot): string {
  const from = snapshot.source === 'file' ? 'loaded from a file' : 'fetched';
  return `Schema: ${snapshot.typeCount.toLocaleString('en')} types, ${from} ${when(snapshot.fetchedAt)}`;
}

/** The schema of this endpoint and environment: status, fetch / refresh / load from file, failures, changes. */
export function SchemaBar({ schemaKey, state, draft, maxDepth, schemaProblem }: SchemaBarProps) {
  const fetchSchema = useLantern((s) => s.fetchSchema);
  const loadSchemaFile = useLantern((s) => s.loadSchemaFile);
  const forgetSchema = useLantern((s) => s.forgetSchema);
  const dismissSchemaDiff = useLantern((s) => s.dismissSchemaDiff);
  const [fileOpen, setFileOpen] = useState(false);
  const [fileError, setFileError] = useState<string>();
  if (!schemaKey) {
    return (
      <div className="graphql-schema-bar" data-testid="graphql-schema-bar">
        <span className="hint" data-testid="graphql-schema-status">
          Type the GraphQL endpoint&apos;s URL to fetch its schema.
        </span>
      </div>
    );
  }
  const snapshot = state?.snapshot;
  // Not while merely checking the cache: a click then must still fetch.
  const busy = state?.status === 'loading';
  const disabledIntrospection = state?.error?.code === 'graphql.introspection-disabled';
  const showFile = fileOpen || disabledIntrospection;
  const load = (file: ChosenFile) => {
    setFileError(undefined);
    void loadSchemaFile(schemaKey, file.ref).then(() => setFileOpen(false));
  };
  return (
    <div className="graphql-schema-bar" data-testid="graphql-schema-bar">
      <div className="graphql-schema-line">
        <span className="hint" data-testid="graphql-schema-status">
          {state?.status === 'loading'
            ? state.activity
            : state?.status === 'checking'
              ? 'Looking for a cached schema…'
              : snapshot
                ? describe(snapshot)
                : 'No schema yet: completion and validation need one.'}
        </span>
        <button
          type="button"
          data-testid="graphql-fetch-schema"
          disabled={busy}
          title="Introspection with this request's URL, headers, auth and settings"
          onClick={() => void fetchSchema(schemaKey, draft, maxDepth)}
        >
          {snapshot?.source === 'introspection' ? 'Refresh schema' : 'Fetch schema'}
        </button>
        <button
          type="button"
          data-testid="graphql-load-schema-toggle"
          aria-expanded={showFile}
          onClick={() => setFileOpen(!fileOpen)}
        >
          Load from file…
        </button>
        {snapshot && (
          <button
            type="button"
            className="link"
            data-testid="graphql-forget-schema"
            onClick={() => void forgetSchema(schemaKey)}
          >
            Forget
          </button>
        )}
      </div>
      {showFile && (
        <div className="graphql-schema-file">
          <ChooseFileButton
            testId="graphql-schema-file"
            label="Choose a schema file…"
            title="Choose a GraphQL schema file"
            extensions={['graphql', 'graphqls', 'gql', 'json']}
            onChosen={load}
            onError={setFileError}
          />
          <span className="hint">SDL (.graphql) or an introspection result (.json)</span>
          {fileError && (
            <span className="inline-error" role="alert" data-testid="graphql-schema-file-error">
              {fileError}
            </span>
          )}
        </div>
      )}
      {state?.status === 'failed' && state.error && (
        <p className="inline-error" role="alert" data-testid="graphql-schema-error">
          {state.error.message}
          {disabledIntrospection && ' Choose a schema file above.'}
        </p>
      )}
      {schemaProblem && (
        <p className="inline-error" role="alert">
          {schemaProblem}
        </p>
      )}
      {snapshot && snapshot.notes.length > 0 && (
        <ul className="graphql-notes" data-testid="graphql-schema-notes">
          {snapshot.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {snapshot?.diff && (
        <SchemaDiffNotice diff={snapshot.diff} onDismiss={() => dismissSchemaDiff(schemaKey)} />
      )}
    </div>
  );
}
