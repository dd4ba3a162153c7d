/** The result panel's reading of a GraphQL response, done once per response in the worker. */
import type { Exchange } from '../../../shared/model/response';
import { ask } from './analysis-client';
import type { ResultView } from './analysis-protocol';

const cache = new Map<string, Promise<ResultView>>();
const MAX_CACHED = 20;

const problemOnly = (problem: string): ResultView => ({
  errors: [],
  partialData: false,
  nullFields: [],
  missingFields: [],
  problem,
});

/** Errors, partial data, null and missing fields of an exchange, read against the query that was sent. */
export function analyzeExchange(
  exchange: Exchange,
  query: string | undefined,
  operationName: string | undefined,
): Promise<ResultView> {
  // Read once per response, against the query as it was when the response arrived.
  const key = exchange.requestId;
  const cached = cache.get(key);
  if (cached) return cached;
  const body = exchange.response.body;
  let result: Promise<ResultView>;
  if (body.stored || body.truncated) {
    const megabytes = (exchange.response.bodyBytes / 1_048_576).toFixed(1);
    result = Promise.resolve(
      problemOnly(
        `This response is ${megabytes} MB: too large to read here. The Body tab shows it; ask for fewer records (a lower limit) to see its errors listed.`,
      ),
    );
  } else if (body.encoding === 'base64') {
    result = Promise.resolve(
      problemOnly('The server answered with binary data, not a GraphQL JSON response.'),
    );
  } else {
    result = ask({
      type: 'analyzeResult',
      text: body.text,
      ...(query ? { query } : {}),
      ...(operationName ? { operationName } : {}),
    }).catch((error: Error) => problemOnly(`The response could not be analysed: ${error.message}`));
  }
  cache.set(key, result);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return result;
}
