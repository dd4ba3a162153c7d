import { runCaptures, type CapturedValue } from '../../../shared/assertions/captures';
import { evaluateAssertions } from '../../../shared/assertions/evaluate';
import type { AssertionResult, CaptureResult } from '../../../shared/assertions/model';
import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { maskValue } from '../../../shared/redact/mask-headers';
import { resolveTemplate } from '../../../shared/template/index';
import type { EnvironmentStore, RunLayers } from '../environments/environment-store';

/**
 * Tests and captures after a response (issue 15 §1–2), on the main side, for the app and
 * `lantern run` alike: captures first (a test may compare with a value this response gave), then
 * the tests. They read the raw response; what they report is masked like the exchange.
 */

/** The values this response gives, before anything is masked: secret ones join the masking list. */
export function capturedValues(draft: RequestDraft, raw: Exchange): CapturedValue[] {
  return draft.captures?.length ? runCaptures(draft.captures, raw).values : [];
}

export interface CheckContext {
  draft: RequestDraft;
  raw: Exchange;
  environments: EnvironmentStore;
  environmentId: string | undefined;
  savedRequestId: string | undefined;
  /** A collection run's overrides and data row (expected values may name them). */
  run?: RunLayers;
  /** Secrets known for this send (masked in every result); grows with secrets used in expected values. */
  masking: string[];
  /** False for `lantern run`: a run never writes environments, so "environment" captures last the run. */
  saveToEnvironment: boolean;
}

export interface Checks {
  tests?: AssertionResult[];
  captures?: CaptureResult[];
}

export async function checkResponse(context: CheckContext): Promise<Checks> {
  const { draft, raw, environments, environmentId, masking } = context;
  const mask = (text: string) =>
    maskValue(
      'url',
      text,
      masking.filter((s) => s.length >= 4),
    );
  const checks: Checks = {};
  if (draft.captures?.length) {
    const outcome = runCaptures(draft.captures, raw, mask);
    const results = outcome.results;
    for (const { capture, value, secret } of outcome.values) {
      const index = results.findIndex((r) => r.name === capture.name && r.ok);
      if (capture.scope === 'environment' && context.saveToEnvironment) {
        try {
          const where = await environments.capture(environmentId, capture.name, value, secret);
          if (results[index])
            results[index].message =
              `{{${capture.name}}} saved in the "${where}" environment${secret ? ' (its value in the vault)' : ''}.`;
        } catch (error) {
          environments.setRunVariable(capture.name, value, secret);
          if (results[index])
            Object.assign(results[index], {
              ok: false,
              message: `{{${capture.name}}} could not be saved in the environment (${mask((error as Error).message)}); it is kept for this session only.`,
            });
        }
      } else {
        environments.setRunVariable(capture.name, value, secret);
        if (capture.scope === 'environment' && results[index])
          results[index].message =
            `{{${capture.name}}} kept for this run: lantern run does not write environments.`;
      }
    }
    checks.captures = results;
  }
  if (draft.tests?.length) {
    // Resolved after the captures: "equals {{userEmail}}" may name what this response just gave.
    const scope = environments.scopeFor(environmentId, context.savedRequestId, context.run);
    checks.tests = evaluateAssertions(draft.tests, raw, {
      mask,
      resolve: (text) => {
        const result = resolveTemplate(text, scope, { location: 'the expected value' });
        if (!result.ok) return { ok: false, message: result.errors.map((e) => e.message).join(' ') };
        masking.push(...result.secretValues);
        return { ok: true, text: result.text };
      },
    });
  }
  return checks;
}
