import { describe, expect, it, vi } from 'vitest';
import { newestOnly, watchers } from './freshness';

describe('newestOnly', () => {
  it('only the newest ticket is current', () => {
    const ask = newestOnly();
    const first = ask();
    expect(first()).toBe(true);
    const second = ask();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });
});

describe('watchers', () => {
  it('refreshes on every watch, and on invalidate only while watched', () => {
    const refresh = vi.fn();
    const shown = watchers(refresh);
    shown.invalidate();
    expect(refresh).toHaveBeenCalledTimes(0);
    const stop = shown.watch();
    shown.invalidate();
    expect(refresh).toHaveBeenCalledTimes(2);
    stop();
    stop(); // a second call of the same stop changes nothing
    shown.invalidate();
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
