import { describe, expect, it } from 'vitest';
import { axisTicks, timingBars } from './timing-bars';

describe('timingBars', () => {
  it('lays the phases end to end', () => {
    expect(
      timingBars({ dnsMs: 2, connectMs: 3, tlsMs: 10, firstByteMs: 40, downloadMs: 5, totalMs: 45 }),
    ).toEqual([
      { key: 'dns', phase: 'DNS lookup', startMs: 0, durationMs: 2 },
      { key: 'connect', phase: 'TCP connect', startMs: 2, durationMs: 3 },
      { key: 'tls', phase: 'TLS handshake', startMs: 5, durationMs: 10 },
      { key: 'waiting', phase: 'Waiting (TTFB)', startMs: 15, durationMs: 25 },
      { key: 'download', phase: 'Download', startMs: 40, durationMs: 5 },
    ]);
  });
  it('leaves out phases that were not measured, and puts redirects first', () => {
    expect(
      timingBars({ redirectMs: 30, firstByteMs: 50, downloadMs: 1, totalMs: 51 }).map((b) => b.phase),
    ).toEqual(['Redirects', 'Waiting (TTFB)', 'Download']);
  });
});

describe('axisTicks', () => {
  it.each([
    [46, [0, 10, 20, 30, 40]],
    [52, [0, 20, 40]],
    [1000, [0, 200, 400, 600, 800, 1000]],
    [3, [0, 1, 2, 3]],
    [0.4, [0, 0.1, 0.2, 0.3, 0.4]],
    [0, [0]],
  ])('%s ms → %j', (total, ticks) => {
    expect(axisTicks(total)).toEqual(ticks);
  });
});
