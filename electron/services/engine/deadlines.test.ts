import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from './deadlines';

// These tests are about when deadlines fire, so time is moved by hand: exact to the millisecond,
// and immune to a busy machine. Vitest's fake timers move Date but not node:perf_hooks'
// performance (the class's default clock), so the class is given Date's clock.
const newDeadlines = () => new Deadlines(() => Date.now());

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Deadlines', () => {
  it('fires a deadline that is not cancelled, once, at its time', () => {
    const deadlines = newDeadlines();
    let fired = 0;
    deadlines.add(10, () => fired++);
    vi.advanceTimersByTime(9);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(1);
    expect(deadlines.size).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(fired).toBe(1);
  });

  it('never fires a cancelled deadline', () => {
    const deadlines = newDeadlines();
    let fired = 0;
    const deadline = deadlines.add(10, () => fired++);
    deadlines.cancel(deadline);
    vi.advanceTimersByTime(1_000);
    expect(fired).toBe(0);
  });

  it('fires each deadline at its own time, earlier ones first, on one timer', () => {
    const deadlines = newDeadlines();
    const order: string[] = [];
    deadlines.add(60, () => order.push('late'));
    deadlines.add(10, () => order.push('early'));
    const cancelled = deadlines.add(30, () => order.push('cancelled'));
    deadlines.cancel(cancelled);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10);
    expect(order).toEqual(['early']);
    vi.advanceTimersByTime(49);
    expect(order).toEqual(['early']);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['early', 'late']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('re-arms after the armed deadline was cancelled and a later one remains', () => {
    const deadlines = newDeadlines();
    const order: string[] = [];
    const first = deadlines.add(10, () => order.push('first'));
    deadlines.add(30, () => order.push('second'));
    deadlines.cancel(first);
    vi.advanceTimersByTime(29);
    expect(order).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['second']);
  });

  it('clear() forgets everything without firing', () => {
    const deadlines = newDeadlines();
    let fired = 0;
    deadlines.add(10, () => fired++);
    deadlines.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(fired).toBe(0);
    expect(deadlines.size).toBe(0);
  });
});
