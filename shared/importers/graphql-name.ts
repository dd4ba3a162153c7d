/**
 * The name of the only operation in a GraphQL document, if it has exactly one named one.
 * Postman's GraphQL body has no operation name, so importers fill it from the query: the
 * same request then reads back the same whichever tool it went through.
 */
export function soleOperationName(query: string): string | undefined {
  const withoutComments = query.replace(/#[^\n]*/g, '');
  const names = [
    ...withoutComments.matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g),
  ];
  const operations = withoutComments.match(/(^|[}\s])(query|mutation|subscription)\b|^\s*\{/g) ?? [];
  return names.length === 1 && operations.length === 1 ? names[0]?.[1] : undefined;
}
