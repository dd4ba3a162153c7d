/**
 * How the renderer names a file: never by a path it typed, but by a grant the main side made
 * when the user chose the file (a native dialog, or an upload from the browser's file input).
 * A draft's file fields hold `grant:<id>/<name>`; anything else is a path written in a workspace
 * file, read only when it stays inside that workspace's folder.
 */
import { z } from 'zod';

const GRANT = /^grant:([0-9a-f]{32})\/(.*)$/s;

export type FileRef = { kind: 'grant'; id: string; name: string } | { kind: 'path'; path: string };

/** The text a file field holds for a granted file; the name is only for showing. */
export const grantRef = (id: string, name: string): string => `grant:${id}/${name}`;

export function parseFileRef(text: string): FileRef {
  const match = GRANT.exec(text.trim());
  if (match?.[1] !== undefined) return { kind: 'grant', id: match[1], name: match[2] ?? '' };
  return { kind: 'path', path: text.trim() };
}

/** The file's name as the UI shows it: a grant's name, or a path's last part. */
export function fileRefName(text: string): string {
  const ref = parseFileRef(text);
  if (ref.kind === 'grant') return ref.name;
  return ref.path.split(/[\\/]/).filter(Boolean).pop() ?? ref.path;
}

/** A file the user chose: its reference, and what the UI may show of it. */
export const chosenFileSchema = z.object({
  ref: z.string(),
  name: z.string(),
  size: z.number().int(),
});
export type ChosenFile = z.infer<typeof chosenFileSchema>;

/** Files the main side could not write itself (browser mode): the renderer downloads them. */
export const downloadSchema = z.object({ name: z.string(), text: z.string(), mimeType: z.string() });
export type Download = z.infer<typeof downloadSchema>;

/** The outcome of a save: written where the user chose (desktop), cancelled, or handed over for download. */
export const saveOutcomeSchema = z.object({
  saved: z.boolean(),
  /** The file's name (the desktop save dialog's choice); never its folder. */
  name: z.string().optional(),
  bytes: z.number().int().optional(),
  /** Browser mode: what the renderer offers as downloads. */
  downloads: z.array(downloadSchema).optional(),
});
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;

/** A file name with no folder part and nothing a file system refuses (no leading dot either). */
// Control characters (below U+0020) are refused by file systems and dialogs alike.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

export const safeFileName = (name: string, fallback = 'lantern-file'): string =>
  name
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 200) || fallback;

/** A name for a file the user saves, proposed in the save dialog or the download. */
export const suggestedNameSchema = z
  .string()
  .max(255)
  .transform((name) => safeFileName(name));
