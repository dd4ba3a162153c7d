import { limitsStated } from '../../../shared/graphql/limits';
import type { StatedLimits } from '../../../shared/graphql/limits';
import type { Exchange } from '../../../shared/model/response';

/** Only answers that may state a limit are parsed: most are not. */
const MAY_STATE_A_LIMIT = /Max query depth should be|maximum allowed complexity of/;

/** An endpoint is its origin and path: the query string (a sesskey, say) does not change its limits. */
function endpointOf(url: string): string | undefined {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.origin}${parsed.pathname}` : undefined;
}

function messagesOf(json: unknown): string[] {
  const bodies: unknown[] = Array.isArray(json) ? json : [json];
  const messages: string[] = [];
  for (const body of bodies) {
    const errors = (body as { errors?: unknown } | null)?.errors;
    if (!Array.isArray(errors)) continue;
    for (const error of errors as { message?: unknown; debugMessage?: unknown }[]) {
      for (const text of [error?.message, error?.debugMessage])
        if (typeof text === 'string') messages.push(text);
    }
  }
  return messages;
}

/**
 * The limits each GraphQL endpoint has stated in its answers ("Max query depth should be 12 …",
 * "… maximum allowed complexity of 34."), kept in memory for this run of Lantern: the estimate
 * beside the editor then uses the site's real numbers instead of the defaults.
 */
export class ServerLimitMemory {
  private readonly byEndpoint = new Map<string, StatedLimits>();

  learn(exchange: Exchange, atMs: number): void {
    const { body } = exchange.response;
    if (body.encoding !== 'utf8' || !MAY_STATE_A_LIMIT.test(body.text)) return;
    const endpoint = endpointOf(exchange.response.url ?? exchange.request.url);
    if (!endpoint) return;
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return;
    }
    const stated = limitsStated(messagesOf(json), new Date(atMs).toISOString());
    if (Object.keys(stated).length > 0)
      this.byEndpoint.set(endpoint, { ...this.byEndpoint.get(endpoint), ...stated });
  }

  of(url: string): StatedLimits {
    const endpoint = endpointOf(url);
    return (endpoint && this.byEndpoint.get(endpoint)) || {};
  }
}
