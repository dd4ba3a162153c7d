/**
 * Files crossing between the page and the main side without a path: browser mode uploads a file
 * the user picked in a file input and downloads what Lantern saves; the desktop app uses the main
 * side's dialogs instead (see store/files-slice.ts).
 */
import type { ChosenFile, Download, SaveOutcome } from '../shared/files/file-ref';
import type { Result } from '../shared/model/result';
import { call } from './api';

/** Bytes per upload call: base64 makes 4 MB about 5.3 MB, under the 8 MB a call may carry. */
const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * A part of a file as base64, encoded by the browser itself (a data: URL) in native code:
 * building a binary string and `btoa` took ~165 ms of the page's thread for a 2.6 MB schema file
 * (Chromium trace, load average 10).
 */
export function blobBase64(blob: Blob): Promise<string> {
  // An empty part's data: URL may carry no comma at all ("data:").
  if (blob.size === 0) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      const comma = url.indexOf(',');
      resolve(comma < 0 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Uploads a file from the page's file input in chunks; the main side keeps a copy and grants it. */
export async function uploadFile(file: File): Promise<Result<ChosenFile>> {
  let uploadId: string | undefined;
  let offset = 0;
  for (;;) {
    const chunk = file.slice(offset, offset + UPLOAD_CHUNK_BYTES);
    const result = await call('uploadFile', {
      ...(uploadId ? { uploadId } : {}),
      name: file.name,
      size: file.size,
      offset,
      data: await blobBase64(chunk),
    });
    if (!result.ok) return result;
    if (result.value.file) return { ok: true, value: result.value.file };
    if (chunk.size === 0)
      return {
        ok: false,
        error: { code: 'file.upload-broken', message: `"${file.name}" ended early. Choose it again.` },
      };
    uploadId = result.value.uploadId;
    offset = result.value.received;
  }
}

/** Offers a file as a browser download (Blob + link). */
export function download(name: string, content: BlobPart[], mimeType: string): void {
  const url = URL.createObjectURL(new Blob(content, { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const downloadAll = (downloads: Download[]): void => {
  for (const file of downloads) download(file.name, [file.text], file.mimeType);
};

/** A large body kept on the main side, fetched 4 MB at a time and offered as a download. */
export async function downloadBody(bodyId: string, name: string): Promise<Result<number>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | undefined = 0;
  let total = 0;
  while (offset !== undefined) {
    const result: Result<{ data: string; total: number; nextOffset?: number }> = await call('readBodyBytes', {
      bodyId,
      offset,
    });
    if (!result.ok) return result;
    parts.push(fromBase64(result.value.data));
    total = result.value.total;
    offset = result.value.nextOffset;
  }
  download(name, parts, 'application/octet-stream');
  return { ok: true, value: total };
}

/** What a save did, in the words the UI shows: where it went, or that nothing was written. */
export function describeSave(outcome: SaveOutcome): string {
  if (outcome.downloads?.length) {
    const names = outcome.downloads.map((d) => d.name).join(', ');
    return `Handed to your browser as ${outcome.downloads.length === 1 ? 'a download' : 'downloads'}: ${names}. Your browser saves ${outcome.downloads.length === 1 ? 'it' : 'them'} (usually in Downloads).`;
  }
  if (!outcome.saved) return 'Not saved: the save dialog was cancelled.';
  return `Saved ${(outcome.bytes ?? 0).toLocaleString('en')} bytes as ${outcome.name ?? 'the file you chose'}.`;
}

/** Handles a save call's answer: downloads what the main side handed back, and says what happened. */
export function finishSave(result: Result<SaveOutcome>): { ok: boolean; text: string } {
  if (!result.ok) return { ok: false, text: result.error.message };
  if (result.value.downloads) downloadAll(result.value.downloads);
  return { ok: true, text: describeSave(result.value) };
}
