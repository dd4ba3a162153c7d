import type { RequestDraft } from '../model/request';

/** A file field of a draft the main side refused to read, and how to put a chosen file in its place. */
export interface RefusedFile {
  /** What the file is for, as the refusal said: "the body", "the CA file". */
  what: string;
  /** The text the field holds. */
  text: string;
  /** The draft with the chosen file's reference in that field. */
  replace: (draft: RequestDraft, ref: string) => RequestDraft;
}

const REFUSAL = /^Lantern did not read "(.*)" \((.*?)\): it reads only files you choose/s;

/**
 * The field a `file.not-granted` refusal names, found by the text it quotes, so the page can offer
 * "Choose…" for exactly that field. Undefined when no field holds that text (e.g. it came from a
 * {{variable}}, or the draft changed since).
 */
export function refusedFile(draft: RequestDraft, message: string): RefusedFile | undefined {
  const match = REFUSAL.exec(message);
  const text = match?.[1];
  const what = match?.[2] ?? '';
  if (text === undefined) return undefined;
  const { body } = draft;
  if (body.mode === 'binary' && body.path.trim() === text)
    return { what, text, replace: (d, ref) => ({ ...d, body: { ...body, path: ref } }) };
  if (body.mode === 'multipart') {
    const index = body.fields.findIndex((f) => f.kind === 'file' && f.path.trim() === text);
    if (index >= 0)
      return {
        what,
        text,
        replace: (d, ref) => ({
          ...d,
          body: {
            ...body,
            fields: body.fields.map((f, i) => (i === index && f.kind === 'file' ? { ...f, path: ref } : f)),
          },
        }),
      };
  }
  const settings = draft.settings;
  for (const key of ['caFile', 'clientCertFile', 'clientKeyFile'] as const) {
    if (settings?.[key]?.trim() === text)
      return { what, text, replace: (d, ref) => ({ ...d, settings: { ...settings, [key]: ref } }) };
  }
  return undefined;
}
