import type { Readable } from 'node:stream';
import type { StoredBody } from '../../../shared/model/body';
import type { BodyWriter } from './body-store';

export interface SpillOptions {
  /** Bodies longer than this go to disk. */
  aboveBytes: number;
  /** How much of a stored body stays inline, as its preview. */
  previewBytes: number;
  begin: () => Promise<BodyWriter>;
}

/** The inline copy a body reader holds; a spill shrinks it to the preview. */
export interface InlineCopy {
  chunks: Buffer[];
  kept: number;
}

/**
 * Moves a body to disk once it passes `aboveBytes`: the chunks held so far are written, then
 * every further chunk, pausing the source while the disk catches up, so memory stays flat
 * whatever the body's size. If no temporary file can be made, the body stays in memory (cut).
 */
export class Spill {
  /** Why the body could not go to disk, when it could not. */
  note: string | undefined;
  private writer: BodyWriter | undefined;
  private readonly opening: Promise<void>;
  private failed = false;
  private waiting = false;

  /** Starts moving the body to disk: `inline` holds every byte received so far. */
  constructor(
    private readonly options: SpillOptions,
    private readonly source: Readable,
    private readonly inline: InlineCopy,
  ) {
    source.pause();
    this.opening = options.begin().then(
      (writer) => this.start(writer),
      (error: unknown) => {
        this.failed = true;
        this.note = `The body is too large to hold in memory and Lantern could not keep it on disk (${(error as Error).message}), so only its start is shown.`;
        source.resume();
      },
    );
  }

  /** Handles a chunk; false when the caller should keep it inline itself (no disk to use). */
  take(chunk: Buffer): boolean {
    if (this.failed) return false;
    if (this.writer) this.write(chunk);
    else {
      this.inline.chunks.push(chunk);
      this.inline.kept += chunk.length;
    }
    return true;
  }

  /** The stored body, once the source has ended; undefined when it stayed in memory. */
  async finish(): Promise<StoredBody | undefined> {
    await this.opening;
    return this.writer?.finish();
  }

  /** Deletes what was written: the download failed or was cancelled. */
  async abort(): Promise<void> {
    await this.opening;
    await this.writer?.abort();
  }

  private start(writer: BodyWriter): void {
    this.writer = writer;
    const held = Buffer.concat(this.inline.chunks, this.inline.kept);
    const preview = Buffer.from(held.subarray(0, this.options.previewBytes));
    this.inline.chunks = [preview];
    this.inline.kept = preview.length;
    this.write(held);
    if (!this.waiting) this.source.resume();
  }

  private write(chunk: Buffer): void {
    if (this.writer?.write(chunk) !== false || this.waiting) return;
    this.waiting = true;
    this.source.pause();
    this.writer.onDrain(() => {
      this.waiting = false;
      this.source.resume();
    });
  }
}
