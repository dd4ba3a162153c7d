import type { Timings } from '../../../shared/model/response';

export interface TimingBar {
  phase: string;
  startMs: number;
  durationMs: number;
}

/**
 * The waterfall's bars, in order: redirects, DNS, connect, TLS, waiting for the first
 * byte, download. Phases the engine could not measure are left out, never guessed.
 */
export function timingBars(t: Timings): TimingBar[] {
  const bars: TimingBar[] = [];
  let at = 0;
  const add = (phase: string, ms: number | undefined) => {
    if (ms === undefined) return;
    bars.push({ phase, startMs: at, durationMs: Math.max(0, ms) });
    at += Math.max(0, ms);
  };
  add('Redirects', t.redirectMs || undefined);
  add('DNS lookup', t.dnsMs);
  add('TCP connect', t.connectMs);
  add('TLS handshake', t.tlsMs);
  // Waiting is what remains of the time to first byte once the earlier phases are counted.
  bars.push({ phase: 'Waiting (TTFB)', startMs: at, durationMs: Math.max(0, t.firstByteMs - at) });
  bars.push({ phase: 'Download', startMs: Math.max(at, t.firstByteMs), durationMs: t.downloadMs });
  return bars;
}
