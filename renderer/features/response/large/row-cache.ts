import type { BodyRow, BodyRows } from '../../../../shared/model/body';

export const BLOCK_ROWS = 256;
const MAX_BLOCKS = 48;

export type FetchRows = (fromRow: number, count: number) => Promise<Omit<BodyRows, 'fromRow'>>;

/**
 * The rows of one stored body at one width that the viewer has fetched, in blocks of BLOCK_ROWS,
 * the least recently used dropped past MAX_BLOCKS: scrolling a 100 MB body keeps a few hundred
 * KB here. Every answer also gives the body's row count, which grows while the body is being
 * made (a pretty copy streaming in): `refresh` then fetches its last rows again.
 */
export class RowCache {
  private readonly blocks = new Map<number, BodyRow[]>();
  private readonly loading = new Set<number>();
  /** Blocks whose rows may still change: cut short, or holding the last row of a growing body. */
  private readonly incomplete = new Set<number>();
  private failed = false;
  /** Set by the main side's answers; 0 until the first. */
  lines = 0;
  bytes = 0;
  making: BodyRows['making'];

  constructor(
    /** Rows of the body when known; undefined until the first answer. */
    public rows: number | undefined,
    private readonly fetchRows: FetchRows,
    private readonly onLoaded: () => void,
    private readonly onError: (message: string) => void,
  ) {}

  get(row: number): BodyRow | undefined {
    return this.blocks.get(Math.floor(row / BLOCK_ROWS))?.[row % BLOCK_ROWS];
  }

  /**
   * Fetches the blocks covering rows [from, to) that are neither held nor on their way; only the
   * first block until the row count is known.
   */
  ensure(from: number, to: number): void {
    if (this.failed) return;
    const rows = this.rows ?? 1;
    const first = Math.max(0, Math.floor(from / BLOCK_ROWS));
    const last = Math.min(Math.ceil(rows / BLOCK_ROWS) - 1, Math.floor((to - 1) / BLOCK_ROWS));
    for (let block = Math.min(first, last); block <= last; block++) {
      const held = this.blocks.get(block);
      if (held) {
        // Map order is age order: touching a block makes it the youngest.
        this.blocks.delete(block);
        this.blocks.set(block, held);
      } else if (!this.loading.has(block)) this.load(block);
    }
  }

  /**
   * For a body still being made: forgets every block that may have grown since it came (cut short,
   * or holding the last row) and the block at `viewRow`, so the next `ensure` asks the main side
   * again and learns the new count.
   */
  refresh(viewRow: number): void {
    if (this.rows === undefined) return;
    this.dropIncomplete();
    this.blocks.delete(Math.floor(Math.max(0, viewRow) / BLOCK_ROWS));
  }

  private dropIncomplete(): void {
    for (const block of this.incomplete) this.blocks.delete(block);
    this.incomplete.clear();
  }

  private load(block: number): void {
    this.loading.add(block);
    const from = block * BLOCK_ROWS;
    // Until the count is known, or while the body grows, the main side clips the block.
    const known = this.rows !== undefined && !this.making;
    const count = known ? Math.min(BLOCK_ROWS, (this.rows as number) - from) : BLOCK_ROWS;
    this.fetchRows(from, count).then(
      (answer) => {
        this.loading.delete(block);
        // The body is complete now: blocks fetched while it grew are asked for once more.
        if (this.making && !answer.making) this.dropIncomplete();
        this.rows = answer.totalRows;
        this.lines = answer.lines;
        this.bytes = answer.bytes;
        this.making = answer.making;
        this.blocks.set(block, answer.rows);
        // Rows before a growing body's last one no longer change; its last row and a block
        // cut short do.
        const end = from + answer.rows.length;
        if (end < Math.min(from + BLOCK_ROWS, answer.totalRows) || (answer.making && end >= answer.totalRows))
          this.incomplete.add(block);
        else this.incomplete.delete(block);
        for (const old of this.blocks.keys()) {
          if (this.blocks.size <= MAX_BLOCKS) break;
          this.blocks.delete(old);
          this.incomplete.delete(old);
        }
        this.onLoaded();
      },
      (error: unknown) => {
        this.loading.delete(block);
        this.failed = true;
        this.onError(error instanceof Error ? error.message : String(error));
      },
    );
  }
}
