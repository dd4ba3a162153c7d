import { describe, expect, it } from 'vitest';
import { timingBars } from './timing-bars';

describe('timingBars', () => {
  it('lays the phases end to end', () => {
    expect(
      timingBars({ dnsMs: 2, connectMs: 3, tlsMs: 10, firstByteMs: 40, downloadMs: 5, totalMs: 45 }),
    ).toEqual([
      { phase: 'DNS lookup', startMs: 0, durationMs: 2 },
      { phase: 'TCP connect', startMs: 2, durationMs: 3 },
      { phase: 'TLS handshake', startMs: 5, durationMs: 10 },
      { phase: 'Waiting (TTFB)', startMs: 15, durationMs: 25 },
      { phase: 'Download', startMs: 40, durationMs: 5 },
    ]);
  });
  it('leaves out phases that were not measured, and puts redirects first', () => {
    expect(
      timingBars({ redirectMs: 30, firstByteMs: 50, downloadMs: 1, totalMs: 51 }).map((b) => b.phase),
    ).toEqual(['Redirects', 'Waiting (TTFB)', 'Download']);
  });
});
