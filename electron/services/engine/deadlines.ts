import { performance } from 'node:perf_hooks';

/** One pending deadline: `fire` runs once if it is not cancelled first. */
export interface Deadline {
  readonly at: number;
  readonly fire: () => void;
}

/**
 * Total-timeout deadlines for many requests on one timer. Arming a Node timer per request costs
 * more than the rest of the engine's bookkeeping together (measured, see BENCHMARKS.md); with
 * sequential requests the next deadline is almost always later than the armed one, so adding
 * and cancelling are a Set insert and delete. The timer is unref'd: it never keeps the process
 * alive on its own.
 */
export class Deadlines {
  private readonly pending = new Set<Deadline>();
  private timer: NodeJS.Timeout | undefined;
  private armedAt = Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Calls `fire` after `ms` milliseconds unless `cancel` is called first. */
  add(ms: number, fire: () => void): Deadline {
    const deadline: Deadline = { at: this.now() + ms, fire };
    this.pending.add(deadline);
    if (deadline.at < this.armedAt) this.arm(deadline.at);
    return deadline;
  }

  /**
   * Forgets a deadline. The timer stays armed even when nothing is left: re-arming it for the
   * next request would cost what this class saves. When it fires with nothing due it just stops.
   */
  cancel(deadline: Deadline): void {
    this.pending.delete(deadline);
  }

  /** Stops the timer and forgets every deadline without firing them. */
  clear(): void {
    this.pending.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedAt = Infinity;
  }

  /** How many deadlines are waiting (for tests). */
  get size(): number {
    return this.pending.size;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.armedAt = at;
    this.timer = setTimeout(() => this.check(), Math.max(0, at - this.now()));
    this.timer.unref();
  }

  private check(): void {
    this.timer = undefined;
    this.armedAt = Infinity;
    const now = this.now();
    let next = Infinity;
    const due: Deadline[] = [];
    for (const deadline of this.pending) {
      if (deadline.at <= now) due.push(deadline);
      else if (deadline.at < next) next = deadline.at;
    }
    for (const deadline of due) this.pending.delete(deadline);
    if (next < Infinity) this.arm(next);
    for (const deadline of due) deadline.fire();
  }
}
