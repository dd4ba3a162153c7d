import type { Exchange } from '../../../shared/model/response';

/** GraphQL errors, partial data and null fields of a response (filled in by the workbench). */
export function GraphqlResultPanel({ exchange }: { exchange: Exchange }) {
  return (
    <div className="graphql-result" data-testid="graphql-result">
      <p className="hint">HTTP {exchange.response.status}</p>
    </div>
  );
}
