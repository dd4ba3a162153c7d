import type { AuthOutcome } from './auth-outcome';
import type { FoundAuth } from './import-context';
import { isNode, node, textOf, type Node } from './openapi-source';

/** A security scheme Lantern can send as one of its auth types, or why it cannot. */
type SchemeReading = { found: FoundAuth } | { cannot: string };

/** Security schemes Lantern cannot send, and the places that asked for them, for one report line each. */
export class SecurityReader {
  private readonly unsendable = new Map<string, { why: string; places: string[] }>();

  constructor(
    private readonly schemes: Node,
    private readonly version: '2.0' | '3.0' | '3.1',
  ) {}

  /**
   * What a `security` list asks for. It lists alternatives (any one will do), each naming the
   * schemes to use together; Lantern sends one credential, so it takes the first alternative of
   * one scheme it can send. `[]`, or an empty alternative `{}`, means no auth is needed.
   */
  outcome(security: unknown, place: string): { outcome: AuthOutcome; where: string } {
    const result = this.read(security, place);
    if (result.scheme === undefined || result.kind !== 'found') return { outcome: result, where: place };
    // Two operations asking for different scopes need two credentials: their labels say which.
    const scope = result.found.fields.scope;
    return { outcome: result, where: `scheme ${result.scheme}${scope ? `, scope ${scope}` : ''}` };
  }

  private read(security: unknown, place: string): AuthOutcome & { scheme?: string } {
    if (!Array.isArray(security)) return { kind: 'absent' };
    const alternatives = security.filter(isNode);
    if (alternatives.length === 0) return { kind: 'none' };
    const reasons: string[] = [];
    for (const alternative of alternatives) {
      const names = Object.keys(alternative);
      if (names.length === 0) return { kind: 'none' };
      if (names.length > 1) {
        reasons.push(`${names.map((n) => `"${n}"`).join(' and ')} together (Lantern sends one credential)`);
        continue;
      }
      const name = names[0] ?? '';
      const reading = this.scheme(name, alternative[name]);
      if ('found' in reading) return { kind: 'found', found: reading.found, scheme: name };
      reasons.push(reading.cannot);
    }
    const why = reasons.join('; or ');
    const entry = this.unsendable.get(why) ?? { why, places: [] };
    entry.places.push(place);
    this.unsendable.set(why, entry);
    return { kind: 'none' };
  }

  /** One line per unsendable requirement, naming where it was asked for. */
  reportLines(): string[] {
    return [...this.unsendable.values()].map(({ why, places }) => {
      const shown =
        places.slice(0, 5).join(', ') + (places.length > 5 ? ` and ${places.length - 5} more` : '');
      return (
        `The description asks for ${why}, which Lantern cannot send, so ${shown} ${places.length === 1 ? 'was' : 'were'}` +
        ' imported without auth. Choose another auth in the Auth tab, or add the header it needs by hand.'
      );
    });
  }

  private scheme(name: string, scopes: unknown): SchemeReading {
    const scheme = this.schemes[name];
    if (!isNode(scheme)) return { cannot: `the security scheme "${name}", which it does not define` };
    const what = `the "${name}" scheme`;
    const type = String(scheme.type);
    if (type === 'http' || type === 'basic') {
      const httpScheme = type === 'basic' ? 'basic' : String(scheme.scheme).toLowerCase();
      if (httpScheme === 'bearer') return { found: { kind: 'bearer', fields: {}, secrets: [] } };
      if (httpScheme === 'basic') return { found: { kind: 'basic', fields: {}, secrets: [] } };
      return { cannot: `${what} (HTTP "${String(scheme.scheme)}" auth)` };
    }
    if (type === 'apiKey') {
      const keyName = textOf(scheme.name) ?? 'X-API-Key';
      if (scheme.in === 'header' || scheme.in === 'query') {
        const place = scheme.in;
        return {
          found: {
            kind: 'apiKey',
            fields: { name: keyName, in: place },
            secrets: [],
            apiKey: { name: keyName, in: place },
          },
        };
      }
      return {
        cannot: `${what} (an API key in the cookie "${keyName}"; Lantern sends API keys in a header or the query)`,
      };
    }
    if (type === 'oauth2') return this.oauth2(scheme, scopes, what);
    if (type === 'openIdConnect') return { cannot: `${what} (OpenID Connect)` };
    if (type === 'mutualTLS')
      return {
        cannot: `${what} (mutual TLS: set a client certificate in the request's Settings tab instead)`,
      };
    return { cannot: `${what} (of type "${type}")` };
  }

  /** Lantern's OAuth 2 is the client-credentials grant; other flows are reported. */
  private oauth2(scheme: Node, scopes: unknown, what: string): SchemeReading {
    const requested = Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string') : [];
    const flow =
      this.version === '2.0'
        ? scheme.flow === 'application'
          ? scheme
          : undefined
        : isNode(node(scheme.flows).clientCredentials)
          ? node(node(scheme.flows).clientCredentials)
          : undefined;
    if (flow === undefined) {
      const flows =
        this.version === '2.0'
          ? [flowName(String(scheme.flow))]
          : Object.keys(node(scheme.flows)).map(flowName);
      return {
        cannot: `${what} (OAuth 2.0 ${flows.join(', ')} flow; Lantern gets tokens by client credentials)`,
      };
    }
    const fields: Record<string, string> = {
      grantType: 'client_credentials',
      tokenUrl: textOf(flow.tokenUrl) ?? '',
      scope: requested.join(' '),
      // RFC 6749 §2.3.1: every server must accept the client's id and secret as HTTP Basic.
      clientAuth: 'basic',
    };
    return { found: { kind: 'oauth2', fields, secrets: [] } };
  }
}

const FLOW_NAMES: Record<string, string> = {
  authorizationCode: 'authorization code',
  implicit: 'implicit',
  password: 'password',
  accessCode: 'authorization code',
};
const flowName = (flow: string): string => FLOW_NAMES[flow] ?? flow;
