import type { RequestDraft, TlsOptions } from '../../../shared/model/request';
import type { FileAccess } from '../files/file-access';

/**
 * The draft with every file it names (body file, multipart file parts, TLS files) replaced by the
 * path the main side may read: a file the user chose on this computer, or a path written in the
 * workspace that stays inside its folder. Anything else stops the send with a message that names
 * the file, before anything is read or sent.
 */
export async function authorizeDraftFiles(
  draft: RequestDraft,
  files: FileAccess,
  workspaceDir: string | undefined,
): Promise<RequestDraft> {
  const readable = (text: string, what: string) =>
    files.readable(text, { what, ...(workspaceDir ? { workspaceDir } : {}) });
  let body = draft.body;
  if (body.mode === 'binary') body = { ...body, path: await readable(body.path, 'the body') };
  if (body.mode === 'multipart') {
    const fields = [];
    for (const [index, field] of body.fields.entries()) {
      fields.push(
        field.kind === 'file' && field.enabled && field.name !== ''
          ? { ...field, path: await readable(field.path, `form field ${index + 1} (${field.name})`) }
          : field,
      );
    }
    body = { ...body, fields };
  }
  const settings = draft.settings && {
    ...draft.settings,
    ...(await authorizeTlsFiles(draft.settings, readable)),
  };
  return { ...draft, body, ...(settings ? { settings } : {}) };
}

type TlsFiles = Pick<TlsOptions, 'caFile' | 'clientCertFile' | 'clientKeyFile'>;

/** The TLS files of request settings or send options, each authorized as `authorizeDraftFiles` does. */
export async function authorizeTlsFiles(
  tls: TlsFiles,
  readable: (text: string, what: string) => Promise<string>,
): Promise<TlsFiles> {
  const one = async (text: string | undefined, what: string) =>
    text ? await readable(text, what) : undefined;
  const out: TlsFiles = {};
  const caFile = await one(tls.caFile, 'the CA file');
  const clientCertFile = await one(tls.clientCertFile, 'the client certificate');
  const clientKeyFile = await one(tls.clientKeyFile, 'the client key');
  if (caFile) out.caFile = caFile;
  if (clientCertFile) out.clientCertFile = clientCertFile;
  if (clientKeyFile) out.clientKeyFile = clientKeyFile;
  return out;
}
