import type { CallOutput, CallParsedInput } from '../../../shared/contract';
import { maskHeaders, maskValue } from '../../../shared/redact/mask-headers';
import { maskSecretForms } from '../../../shared/redact/secret-forms';
import type { SentBody } from '../../../shared/model/response';
import { setCookieSessionValues } from '../../../shared/redact/session-value';
import { LanternError } from '../../../shared/model/result';
import { resolveDraft, resolveTemplate, templateErrorCode } from '../../../shared/template/index';
import { layerValues } from '../../../shared/runner/run-variables';
import { applyAuth, authWasRejected, type AuthContext } from '../auth/apply-auth';
import type { EnvironmentStore } from '../environments/environment-store';
import type { HistoryStore } from '../history/history-store';
import type { createHttpEngine } from '../engine/http-engine';
import { prepareRequest } from '../engine/request-builder';
import type { CookieJar } from '../engine/cookie-jar';
import type { WorkspaceJars } from '../engine/workspace-jars';
import { maskStoredBody } from '../engine/mask-stored-body';
import { withoutSecretStart } from '../engine/stream-masker';
import { diagnoseExchange } from '../diagnostics/diagnose-exchange';
import type { Workspace } from '../../../shared/workspace-format/types';
import { effectiveDraft } from './effective-draft';
import type { FileAccess } from '../files/file-access';
import { authorizeDraftFiles, authorizeTlsFiles } from './draft-files';
import { checkOperationName } from './graphql-operation';
import { historyName } from '../../../shared/model/history-name';
import { capturedValues, checkResponse } from './response-checks';
import type { RunLayers } from '../environments/environment-store';

type Engine = ReturnType<typeof createHttpEngine>;
type SendInput = CallParsedInput<'send'>;
type Exchange = CallOutput<'send'>;

const usable = (secrets: string[]) => secrets.filter((s) => s.length >= 4);

/**
 * The body as sent, secrets masked in every form a body carries them (a form body percent-encodes
 * them); a body cut for display loses a secret's start left at its end.
 */
function maskedSentBody(body: SentBody, masking: string[]): SentBody {
  const text = maskSecretForms(body.text, masking);
  return { ...body, text: body.truncated ? withoutSecretStart(text, masking) : text };
}

/**
 * The path of one request on the main side: the effective draft (its folders' auth, headers and
 * variables) → resolve {{variables}} → prepare → apply auth → send → (one retry with a fresh
 * credential if the server refused it) → mask secrets → history.
 */
export interface PipelineParts {
  engine: Engine;
  auth: AuthContext;
  environments: EnvironmentStore;
  history: HistoryStore;
  /** One cookie jar per workspace: a send uses the jar of the workspace it names. */
  jars: WorkspaceJars;
  /** The open workspace, where a saved request's folders are found. */
  workspace: () => Workspace | undefined;
  /** The gate to files: the draft's files are read only when granted or inside the workspace folder. */
  files: FileAccess;
  /** The folder of the open workspace, whose files a request saved in it may name. */
  workspaceDir: () => string | undefined;
  /** Captures scoped "environment" are saved there (false for `lantern run`: they last the run). */
  saveCaptures?: boolean;
}

/**
 * What a collection run adds to a send. Not part of the `send` call: only the main side's run
 * engine sets it, so the renderer can neither skip History nor inject variables.
 */
export interface RunSendOptions {
  /** The run's overrides and the iteration's data row, around the values captured in the run. */
  layers?: RunLayers;
  /** False: the exchange is not written to History (`lantern run` without --history). */
  history?: boolean;
}

export interface RunSendResult {
  exchange: Exchange;
  /** The History entry written for it (absent when History was off). */
  historyId?: string;
}

export function createSendPipeline({
  engine,
  auth,
  environments,
  history,
  jars,
  workspace,
  files,
  workspaceDir,
  saveCaptures = true,
}: PipelineParts) {
  async function exchangeFor(
    { requestId, draft: template, environmentId, savedRequestId, workspaceId, options }: SendInput,
    secrets: string[],
    jar: CookieJar,
    run: RunLayers,
  ) {
    // An undefined {{variable}} blocks the send: it never silently becomes an empty string. The
    // code keeps the real reason (a line break in a header is no missing variable).
    const scope = environments.scopeFor(environmentId, savedRequestId, run);
    const resolution = resolveDraft(template, scope);
    if (!resolution.ok) {
      throw new LanternError(
        templateErrorCode(resolution.errors),
        resolution.errors.map((e) => e.message).join(' '),
      );
    }
    secrets.push(...resolution.secretValues);
    // The workspace folder is the open one's, when the request is saved in it or uses its jar.
    const open = workspace();
    const inWorkspace = open !== undefined && (savedRequestId !== undefined || workspaceId === open.id);
    const folder = inWorkspace ? workspaceDir() : undefined;
    const draft = await authorizeDraftFiles(resolution.draft, files, folder);
    if (draft.body.mode === 'graphql') await checkOperationName(draft.body);
    const prepared = await prepareRequest(draft);
    const settings = draft.settings;
    const sendOptions = settings
      ? {
          ...options,
          timeoutMs: settings.timeoutMs,
          followRedirects: settings.followRedirects,
          maxRedirects: settings.maxRedirects,
          tls: {
            ...options.tls,
            verify: settings.verifyTls,
            caFile: settings.caFile || undefined,
            clientCertFile: settings.clientCertFile || undefined,
            clientKeyFile: settings.clientKeyFile || undefined,
          },
        }
      : {
          ...options,
          // TLS files given with the send options pass the same gate as the settings' files.
          ...(options.tls && {
            tls: {
              ...options.tls,
              caFile: undefined,
              clientCertFile: undefined,
              clientKeyFile: undefined,
              ...(await authorizeTlsFiles(options.tls, (text, what) =>
                files.readable(text, { what, ...(folder ? { workspaceDir: folder } : {}) }),
              )),
            },
          }),
        };
    // Credentials' own fields ({{base}} in a token URL) resolve against the same environment.
    const resolveField = (text: string, where: string) => {
      const result = resolveTemplate(text, scope, { location: where });
      if (!result.ok)
        throw new LanternError(
          templateErrorCode(result.errors),
          result.errors.map((e) => e.message).join(' '),
        );
      secrets.push(...result.secretValues);
      return result.text;
    };
    let authorized = await applyAuth(draft.auth, prepared, auth, false, resolveField);
    secrets.push(...authorized.secrets);
    let exchange = await engine.execute(requestId, authorized.prepared, sendOptions, { jar });
    const steps = [...authorized.applied.steps];
    // A token the server refused is marked as such (the Tokens tab must not call it valid).
    const noteRejection = (tokenId: string | undefined, refused: typeof exchange) => {
      if (!tokenId || !authWasRejected(draft.auth, refused)) return;
      auth.tokens.noteRejected(tokenId, {
        at: Date.now(),
        method: refused.request.method,
        url: maskValue('url', refused.request.url, usable(secrets)),
        status: refused.response.status,
      });
    };
    noteRejection(authorized.applied.tokenId, exchange);
    let renewed = authorized.applied.renewed;
    if (authWasRejected(draft.auth, exchange)) {
      const first = exchange.response.status;
      const refusedExpiry = authorized.applied.tokenExpiresAt;
      authorized = await applyAuth(draft.auth, prepared, auth, true, resolveField);
      // An OAuth token was granted again (a session's login is renewed too, but it is no token).
      if (draft.auth.type === 'oauth2') {
        renewed = {
          reason: 'refused',
          refusedStatus: first,
          ...(refusedExpiry !== undefined ? { previousExpiresAt: refusedExpiry } : {}),
        };
      }
      secrets.push(...authorized.secrets);
      steps.push(
        ...authorized.applied.steps,
        `Retried once with a fresh credential after the server refused the first (HTTP ${first}).`,
      );
      const refused = exchange.response.body.stored;
      if (refused) void engine.bodies?.release(refused.id);
      exchange = await engine.execute(requestId, authorized.prepared, sendOptions, { jar });
      noteRejection(authorized.applied.tokenId, exchange);
    }
    // A session this very response set (its own Set-Cookie, or a redirect hop's, now in the jar)
    // is a secret before its body is shown: a server may echo it there.
    secrets.push(...setCookieSessionValues(exchange.response.headers), ...jars.sessionValues(workspaceId));
    // A token or cookie this response gives a capture is a secret before anything is shown.
    secrets.push(
      ...capturedValues(template, exchange)
        .filter((c) => c.secret)
        .map((c) => c.value),
    );
    const masking = usable(secrets);
    const mask = (text: string) => maskValue('url', text, masking);
    const body = await maskedBody(exchange.response.body, masking);
    // URLs along the redirect chain and notes can carry a token in a query string too.
    const masked: Exchange = {
      ...exchange,
      request: {
        ...exchange.request,
        url: mask(exchange.request.url),
        headers: maskHeaders(exchange.request.headers, masking),
        ...(exchange.request.body ? { body: maskedSentBody(exchange.request.body, masking) } : {}),
      },
      response: {
        ...exchange.response,
        url: exchange.response.url && mask(exchange.response.url),
        // Set-Cookie carries live session values: the jar keeps them, the renderer sees them masked.
        headers: maskHeaders(exchange.response.headers, masking),
        // A server that echoes the request (httpbin, debugging proxies) would hand a secret back.
        body: body.body,
      },
      redirects: exchange.redirects?.map((r) => ({
        ...r,
        url: mask(r.url),
        location: mask(r.location),
        ...(r.headers ? { headers: maskHeaders(r.headers, masking) } : {}),
      })),
      notes: body.note ? [...(exchange.notes ?? []), body.note].map(mask) : exchange.notes?.map(mask),
      auth: { ...authorized.applied, steps, ...(renewed ? { renewed } : {}) },
    };
    // Computed on the masked exchange: findings and rate-limit state travel with it (UI, history, `lantern run`).
    Object.assign(
      masked,
      diagnoseExchange(masked, { draft: template, resolved: draft, auth, secrets: masking, environmentId }),
    );
    Object.assign(
      masked,
      await checkResponse({
        draft: template,
        raw: exchange,
        environments,
        environmentId,
        savedRequestId,
        run,
        masking,
        saveToEnvironment: saveCaptures,
      }),
    );
    if (authorized.applied.tokenId) {
      auth.tokens.noteUse(authorized.applied.tokenId, {
        at: Date.now(),
        method: masked.request.method,
        url: masked.request.url,
        status: masked.response.status,
      });
    }
    return masked;
  }

  /**
   * The body with the exchange's secrets masked. A large body's file on disk is masked too (its
   * rows, search, pretty copy and save), and its preview loses a secret's start cut at its end.
   */
  async function maskedBody(
    body: Exchange['response']['body'],
    masking: string[],
  ): Promise<{ body: Exchange['response']['body']; note?: string }> {
    const utf8 = body.encoding === 'utf8';
    const text = utf8 ? maskValue('url', body.text, masking) : body.text;
    if (!body.stored || !engine.bodies) return { body: { ...body, text } };
    // Rows of a stored body are shown as text even when it looked binary: its file is masked too.
    const preview = utf8 ? withoutSecretStart(text, masking) : text;
    const stored = await maskStoredBody(engine.bodies, body.stored, masking);
    if (stored) return { body: { ...body, text: preview, stored } };
    const { stored: _dropped, ...inline } = body;
    return {
      body: { ...inline, text: preview, truncated: true },
      note: 'Lantern could not write a copy of this large body with its secrets masked (the temporary folder may be full), so only its start is shown.',
    };
  }

  /** One send of a collection run: its variables, History on or off, and the History entry's id. */
  async function sendInRun(input: SendInput, run: RunSendOptions = {}): Promise<RunSendResult> {
    // Session-like cookie values of this request's own jar are secrets too (an echoing server must
    // not hand them back); `dark` or `true` are not, or every body holding those words is damaged.
    const secrets = [
      ...auth.credentials.allSecrets(),
      ...environments.secretValues(),
      ...jars.sessionValues(input.workspaceId),
      ...layerValues(run.layers?.overrides),
    ];
    // History keeps the request as sent (its folders' values in it) and where it came from, so a
    // re-send from there resolves the folders' secret variables again.
    const origin = input.savedRequestId
      ? {
          savedRequestId: input.savedRequestId,
          ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
        }
      : undefined;
    const name = historyName(input.name, input.draft.body);
    const record = {
      draft: input.draft,
      environmentId: input.environmentId,
      ...(name ? { name } : {}),
      ...(origin ? { origin } : {}),
    };
    const keep = run.history ?? true;
    try {
      record.draft = effectiveDraft(workspace(), input);
      const exchange = await exchangeFor(
        { ...input, draft: record.draft },
        secrets,
        jars.jarFor(input.workspaceId),
        run.layers ?? {},
      );
      // Once the send returns, its history entry is written (a killed process cannot lose it).
      const historyId = keep
        ? await history.record({ ...record, exchange, secrets: usable(secrets) })
        : undefined;
      return { exchange, ...(historyId ? { historyId } : {}) };
    } catch (error) {
      if (keep && error instanceof LanternError && error.code !== 'cancelled') {
        await history.record({
          ...record,
          error: { code: error.code, message: error.message },
          secrets: usable(secrets),
        });
      }
      throw error;
    }
  }

  /** The renderer's `send`: always written to History. */
  const send = async (input: SendInput): Promise<Exchange> => (await sendInRun(input)).exchange;
  return { send, sendInRun };
}
