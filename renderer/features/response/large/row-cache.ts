import type { BodyRow } from '../../../../shared/model/body';

export const BLOCK_ROWS = 256;
const MAX_BLOCKS = 48;

export type FetchRows = (fromRow: number, count: number) => Promise<BodyRow[]>;

/**
 * The rows of one stored body that the viewer has fetched, in blocks of BLOCK_ROWS, the least
 * recently used dropped past MAX_BLOCKS: scrolling a 100 MB body keeps a few hundred KB here.
 */
export class RowCache {
  private readonly blocks = new Map<number, BodyRow[]>();
  private readonly loading = new Set<number>();
  private failed = false;

  constructor(
    private readonly rows: number,
    private readonly fetchRows: FetchRows,
    private readonly onLoaded: () => void,
    private readonly onError: (message: string) => void,
  ) {}

  get(row: number): BodyRow | undefined {
    return this.blocks.get(Math.floor(row / BLOCK_ROWS))?.[row % BLOCK_ROWS];
  }

  /** Fetches the blocks covering rows [from, to) that are neither held nor on their way. */
  ensure(from: number, to: number): void {
    if (this.failed) return;
    const first = Math.max(0, Math.floor(from / BLOCK_ROWS));
    const last = Math.min(Math.ceil(this.rows / BLOCK_ROWS) - 1, Math.floor((to - 1) / BLOCK_ROWS));
    for (let block = first; block <= last; block++) {
      const held = this.blocks.get(block);
      if (held) {
        // Map order is age order: touching a block makes it the youngest.
        this.blocks.delete(block);
        this.blocks.set(block, held);
      } else if (!this.loading.has(block)) this.load(block);
    }
  }

  private load(block: number): void {
    this.loading.add(block);
    const from = block * BLOCK_ROWS;
    this.fetchRows(from, Math.min(BLOCK_ROWS, this.rows - from)).then(
      (rows) => {
        this.loading.delete(block);
        this.blocks.set(block, rows);
        for (const old of this.blocks.keys()) {
          if (this.blocks.size <= MAX_BLOCKS) break;
          this.blocks.delete(old);
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
