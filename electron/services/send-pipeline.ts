import type { CallOutput, CallParsedInput } from '../../shared/contract';
import { maskHeaders, maskValue } from '../../shared/redact/mask-headers';
import { applyAuth, authWasRejected, type AuthContext } from './auth/apply-auth';
import type { createHttpEngine } from './http-engine';
import { prepareRequest } from './request-builder';
import { resolveDraft } from '../../shared/template';
import { LanternError } from '../../shared/model/result';
import type { EnvironmentStore } from './environments';

type Engine = ReturnType<typeof createHttpEngine>;

/**
 * The path of one request on the main side: resolve {{variables}} → prepare → apply auth → send →
 * (one retry with a fresh credential if the server refused it) → mask secrets.
 */
export function createSendPipeline(engine: Engine, auth: AuthContext, environments: EnvironmentStore) {
  return async function send({
    requestId,
    draft: template,
    environmentId,
    options,
  }: CallParsedInput<'send'>): Promise<CallOutput<'send'>> {
    // An undefined {{variable}} blocks the send: it never silently becomes an empty string.
    const resolution = resolveDraft(template, environments.scopeFor(environmentId));
    if (!resolution.ok) {
      throw new LanternError('template.unresolved', resolution.errors.map((e) => e.message).join(' '));
    }
    const { draft } = resolution;
    const prepared = prepareRequest(draft);
    let authorized = await applyAuth(draft.auth, prepared, auth);
    let exchange = await engine.execute(requestId, authorized.prepared, options);
    const steps = [...authorized.applied.steps];
    if (authWasRejected(draft.auth, exchange)) {
      const first = exchange.response.status;
      const retry = await applyAuth(draft.auth, prepared, auth, true);
      steps.push(
        ...retry.applied.steps,
        `Retried once with a fresh credential after the server refused the first (HTTP ${first}).`,
      );
      authorized = { ...retry, secrets: [...authorized.secrets, ...retry.secrets] };
      exchange = await engine.execute(requestId, authorized.prepared, options);
    }
    const secrets = [
      ...authorized.secrets,
      ...resolution.secretValues,
      ...auth.credentials.allSecrets(),
    ].filter((s) => s.length >= 4);
    return {
      ...exchange,
      request: {
        ...exchange.request,
        url: maskValue('url', exchange.request.url, secrets),
        headers: maskHeaders(exchange.request.headers, secrets),
      },
      auth: { ...authorized.applied, steps },
    };
  };
}
