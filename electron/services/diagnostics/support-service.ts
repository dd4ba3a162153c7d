import type { FileAccess } from '../files/file-access';
import { saveWithDialog } from '../files/save-files';
import type { SaveOutcome } from '../../../shared/files/file-ref';
import packageJson from '../../../package.json';
import { diagnose } from '../../../shared/diagnose';
import type { RequestDraft } from '../../../shared/model/request';
import type { Exchange } from '../../../shared/model/response';
import { buildSupportBundle, requestBodyOf } from '../../../shared/support';
import type { SupportBundle, SupportBundleInput, SupportFormat } from '../../../shared/support';
import { resolveDraft } from '../../../shared/template';
import type { ServiceContext } from '../service-context';
import { diagnosticsStateFor } from './diagnostics-state';
import { effectiveDraft, type DraftLocation } from '../send/effective-draft';

export interface SupportRequest extends DraftLocation {
  exchange?: Exchange;
  error?: { code: string; message: string };
  environmentId?: string;
  format: SupportFormat;
}

type Parts = Pick<ServiceContext, 'auth' | 'environments' | 'jars' | 'workspace'>;

/** Every secret the main side knows right now: the bundle's last masking pass uses them all. */
export function knownSecrets({
  auth,
  environments,
  jars,
}: Pick<ServiceContext, 'auth' | 'environments' | 'jars'>): string[] {
  const all = [
    ...auth.credentials.allSecrets(),
    ...environments.secretValues(),
    ...auth.tokens.list().map((token) => token.accessToken),
    // Session-like cookie values of every jar; `dark` or `en-US` would mask words all over the bundle.
    ...jars.allSessionValues(),
    ...diagnosticsStateFor(auth).recentSecrets(),
  ];
  return [...new Set(all.filter((secret) => secret.length >= 4))];
}

/** The draft as sent from where it lives (its folders' values in it), as written when it cannot be placed. */
function effective(parts: Parts, location: DraftLocation): RequestDraft {
  try {
    return effectiveDraft(parts.workspace(), location);
  } catch {
    return location.draft;
  }
}

/** The draft with its {{variables}} filled in, as it was sent; as written when that fails. */
function resolved(
  parts: Parts,
  draft: RequestDraft,
  environmentId: string | undefined,
  savedRequestId: string | undefined,
): RequestDraft {
  try {
    const resolution = resolveDraft(draft, parts.environments.scopeFor(environmentId, savedRequestId));
    return resolution.ok ? resolution.draft : draft;
  } catch {
    return draft;
  }
}

function clientOf(parts: Parts, draft: RequestDraft): SupportBundleInput['client'] {
  if (draft.auth.type === 'none') return undefined;
  try {
    const credential = parts.auth.credentials.get(draft.auth.credentialId);
    if (credential.kind === 'oauth2')
      return { label: credential.label, kind: 'OAuth 2 client', clientId: credential.clientId };
    return { label: credential.label, kind: credential.kind };
  } catch {
    return undefined;
  }
}

/** Builds the bundle on the main side, where every secret is known. */
export function makeSupportBundle(parts: Parts, request: SupportRequest, now = Date.now()): SupportBundle {
  const { exchange, error, environmentId, format } = request;
  const draft = effective(parts, request);
  const sent = resolved(parts, draft, environmentId, request.savedRequestId);
  const findings = exchange?.findings ?? diagnose({ draft, exchange, error, nowMs: now });
  const input: SupportBundleInput = {
    lanternVersion: packageJson.version,
    generatedAt: now,
    request: exchange
      ? { ...exchange.request, body: requestBodyOf(sent) }
      : {
          method: sent.method,
          url: sent.url,
          headers: sent.headers.filter((h) => h.enabled && h.name).map((h) => [h.name, h.value]),
          body: requestBodyOf(sent),
        },
    exchange,
    error,
    findings,
    client: clientOf(parts, draft),
    secrets: knownSecrets(parts),
  };
  return buildSupportBundle(input, format);
}

/**
 * Writes the bundle where the user chooses in the desktop save dialog (mode 0600: it is meant for
 * support, not for everyone on the machine); browser mode hands it back as a download.
 */
export async function saveSupportBundle(
  parts: Parts,
  files: FileAccess,
  request: SupportRequest,
): Promise<SaveOutcome> {
  const bundle = makeSupportBundle(parts, request);
  if (!files.hasDialogs)
    return {
      saved: false,
      downloads: [{ name: bundle.fileName, text: bundle.text, mimeType: bundle.mimeType }],
    };
  const { saved, name, bytes } = await saveWithDialog(files, {
    title: 'Save for support',
    suggestedName: bundle.fileName,
    content: { text: bundle.text, mode: 0o600 },
  });
  return { saved, name, bytes };
}
