import { describe, expect, it } from 'vitest';
import { Deadlines } from './deadlines';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Deadlines', () => {
  it('fires a deadline that is not cancelled, once', async () => {
    const deadlines = new Deadlines();
    let fired = 0;
    deadlines.add(10, () => fired++);
    await sleep(40);
    expect(fired).toBe(1);
    expect(deadlines.size).toBe(0);
  });

  it('never fires a cancelled deadline', async () => {
    const deadlines = new Deadlines();
    let fired = 0;
    const deadline = deadlines.add(10, () => fired++);
    deadlines.cancel(deadline);
    await sleep(40);
    expect(fired).toBe(0);
  });

  it('fires each deadline at its own time, earlier ones first, on one timer', async () => {
    const deadlines = new Deadlines();
    const order: string[] = [];
    deadlines.add(60, () => order.push('late'));
    deadlines.add(10, () => order.push('early'));
    const cancelled = deadlines.add(30, () => order.push('cancelled'));
    deadlines.cancel(cancelled);
    await sleep(35);
    expect(order).toEqual(['early']);
    await sleep(60);
    expect(order).toEqual(['early', 'late']);
  });

  it('re-arms after the armed deadline was cancelled and a later one remains', async () => {
    const deadlines = new Deadlines();
    const order: string[] = [];
    const first = deadlines.add(10, () => order.push('first'));
    deadlines.add(30, () => order.push('second'));
    deadlines.cancel(first);
    await sleep(70);
    expect(order).toEqual(['second']);
  });

  it('clear() forgets everything without firing', async () => {
    const deadlines = new Deadlines();
    let fired = 0;
    deadlines.add(10, () => fired++);
    deadlines.clear();
    await sleep(30);
    expect(fired).toBe(0);
    expect(deadlines.size).toBe(0);
  });
});
