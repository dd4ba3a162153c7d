import { useEffect, useState } from 'react';
import { useLantern } from '../../store';
import type { TypeDoc, TypeSummary } from './analysis-protocol';
import { ask, ensureSchema } from './analysis-client';
import type { SchemaSource } from './use-analysis';

const LIST_LIMIT = 200;

/** Splits `[core_user!]!` into clickable type names and the wrappers around them. */
function TypeLink({ type, onOpen }: { type: string; onOpen: (name: string) => void }) {
  const match = /^([[\]!]*)(\w+)([[\]!]*)$/.exec(type);
  if (!match) return <code>{type}</code>;
  return (
    <code>
      {match[1]}
      <button type="button" className="link graphql-type-link" onClick={() => onOpen(match[2] as string)}>
        {match[2]}
      </button>
      {match[3]}
    </code>
  );
}

function Deprecated({ reason }: { reason: string | undefined }) {
  if (!reason) return null;
  return <span className="graphql-deprecated">deprecated: {reason}</span>;
}

function TypeView({ type, onOpen }: { type: TypeDoc; onOpen: (name: string) => void }) {
  return (
    <div className="graphql-type" data-testid="graphql-docs-type">
      <h3>
        <span className="hint">{type.kind}</span> {type.name}
      </h3>
      {type.description && <p className="graphql-description">{type.description}</p>}
      {type.interfaces.length > 0 && (
        <p>
          Implements{' '}
          {type.interfaces.map((name) => (
            <TypeLink key={name} type={name} onOpen={onOpen} />
          ))}
        </p>
      )}
      {type.possibleTypes.length > 0 && (
        <p>
          Possible types:{' '}
          {type.possibleTypes.map((name) => (
            <TypeLink key={name} type={name} onOpen={onOpen} />
          ))}
        </p>
      )}
      <ul className="graphql-fields">
        {type.fields.map((field) => (
          <li key={field.name} data-testid={`graphql-docs-field-${field.name}`}>
            <strong>{field.name}</strong>
            {field.args.length > 0 && (
              <span>
                (
                {field.args.map((arg, index) => (
                  <span key={arg.name}>
                    {index > 0 && ', '}
                    {arg.name}: <TypeLink type={arg.type} onOpen={onOpen} />
                    {arg.defaultValue !== undefined && ` = ${arg.defaultValue}`}
                  </span>
                ))}
                )
              </span>
            )}
            : <TypeLink type={field.type} onOpen={onOpen} /> <Deprecated reason={field.deprecationReason} />
            {field.description && <div className="graphql-description">{field.description}</div>}
          </li>
        ))}
        {type.enumValues.map((value) => (
          <li key={value.name}>
            <strong>{value.name}</strong> <Deprecated reason={value.deprecationReason} />
            {value.description && <div className="graphql-description">{value.description}</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Types, fields, arguments, descriptions and deprecations of the schema, with search. */
export function DocsExplorer({ schema }: { schema: SchemaSource | undefined }) {
  const typeName = useLantern((s) => s.graphqlDocsType);
  const show = useLantern((s) => s.showGraphqlView);
  const [search, setSearch] = useState('');
  const [list, setList] = useState<{ types: TypeSummary[]; total: number }>({ types: [], total: 0 });
  const [type, setType] = useState<TypeDoc | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const open = (name: string | undefined) => show('docs', name ?? '');
  useEffect(() => {
    if (!schema) return;
    let current = true;
    const timer = setTimeout(() => {
      ensureSchema(schema)
        .then(() => ask({ type: 'searchTypes', schemaId: schema.id, search, limit: LIST_LIMIT }))
        .then((found) => current && setList(found))
        .catch((error: Error) => current && setProblem(error.message));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [schema, search]);
  useEffect(() => {
    if (!schema || !typeName) return setType(undefined);
    let current = true;
    ensureSchema(schema)
      .then(() => ask({ type: 'describeType', schemaId: schema.id, name: typeName }))
      .then((found) => current && setType(found.type))
      .catch((error: Error) => current && setProblem(error.message));
    return () => {
      current = false;
    };
  }, [schema, typeName]);
  if (!schema) {
    return (
      <p className="empty-note" data-testid="graphql-docs">
        No schema yet: fetch it or load it from a file to browse its types.
      </p>
    );
  }
  return (
    <div className="graphql-docs" data-testid="graphql-docs">
      <div className="graphql-docs-list">
        <input
          type="search"
          aria-label="Search types and fields"
          placeholder="Search types and fields"
          data-testid="graphql-docs-search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <p className="hint">
          {list.total > list.types.length ? `${list.types.length} of ${list.total}` : `${list.total}`} matches
        </p>
        <ul>
          {list.types.map((item) => (
            <li key={`${item.name}.${item.field ?? ''}`}>
              <button
                type="button"
                className={`link ${item.name === typeName && !item.field ? 'selected' : ''}`}
                data-testid="graphql-docs-entry"
                title={`${entryName(item)}${item.description ? `\n${item.description}` : ''}`}
                onClick={() => open(item.name)}
              >
                {entryName(item)}
              </button>{' '}
              <span className="hint">{item.kind}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="graphql-docs-detail">
        {problem && <p className="inline-error">{problem}</p>}
        {type ? (
          <TypeView type={type} onOpen={open} />
        ) : (
          <p className="empty-note">
            {typeName
              ? `There is no type named "${typeName}" in this schema.`
              : 'Pick a type to read about it.'}
          </p>
        )}
      </div>
    </div>
  );
}

/** A type's name, or `Type.field` for a field match: shown whole in the tooltip when the list cuts it. */
const entryName = (item: { name: string; field?: string }) =>
  item.field ? `${item.name}.${item.field}` : item.name;
