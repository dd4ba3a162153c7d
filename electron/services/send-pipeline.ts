import type { CallOutput, CallParsedInput } from '../../shared/contract';
import { maskHeaders, maskValue } from '../../shared/redact/mask-headers';
import { LanternError } from '../../shared/model/result';
import { resolveDraft } from '../../shared/template';
import { applyAuth, authWasRejected, type AuthContext } from './auth/apply-auth';
import type { EnvironmentStore } from './environments';
import type { HistoryStore } from './history/history-store';
import type { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';

type Engine = ReturnType<typeof createHttpEngine>;
type SendInput = CallParsedInput<'send'>;
type Exchange = CallOutput<'send'>;

const usable = (secrets: string[]) => secrets.filter((s) => s.length >= 4);

/**
 * The path of one request on the main side: resolve {{variables}} → prepare → apply auth → send →
 * (one retry with a fresh credential if the server refused it) → mask secrets → history.
 */
export function createSendPipeline(
  engine: Engine,
  auth: AuthContext,
  environments: EnvironmentStore,
  history: HistoryStore,
) {
  async function exchangeFor(
    { requestId, draft: template, environmentId, options }: SendInput,
    secrets: string[],
  ) {
    // An undefined {{variable}} blocks the send: it never silently becomes an empty string.
    const resolution = resolveDraft(template, environments.scopeFor(environmentId));
    if (!resolution.ok) {
      throw new LanternError('template.unresolved', resolution.errors.map((e) => e.message).join(' '));
    }
    secrets.push(...resolution.secretValues);
    const { draft } = resolution;
    const prepared = await prepareRequest(draft);
    let authorized = await applyAuth(draft.auth, prepared, auth);
    secrets.push(...authorized.secrets);
    let exchange = await engine.execute(requestId, authorized.prepared, options);
    const steps = [...authorized.applied.steps];
    if (authWasRejected(draft.auth, exchange)) {
      const first = exchange.response.status;
      authorized = await applyAuth(draft.auth, prepared, auth, true);
      secrets.push(...authorized.secrets);
      steps.push(
        ...authorized.applied.steps,
        `Retried once with a fresh credential after the server refused the first (HTTP ${first}).`,
      );
      exchange = await engine.execute(requestId, authorized.prepared, options);
    }
    const masking = usable(secrets);
    const masked: Exchange = {
      ...exchange,
      request: {
        ...exchange.request,
        url: maskValue('url', exchange.request.url, masking),
        headers: maskHeaders(exchange.request.headers, masking),
      },
      auth: { ...authorized.applied, steps },
    };
    return masked;
  }

  return async function send(input: SendInput): Promise<Exchange> {
    const secrets = [...auth.credentials.allSecrets(), ...environments.secretValues()];
    const record = { draft: input.draft, environmentId: input.environmentId };
    try {
      const exchange = await exchangeFor(input, secrets);
      history.record({ ...record, exchange, secrets: usable(secrets) });
      return exchange;
    } catch (error) {
      if (error instanceof LanternError && error.code !== 'cancelled') {
        history.record({
          ...record,
          error: { code: error.code, message: error.message },
          secrets: usable(secrets),
        });
      }
      throw error;
    }
  };
}
