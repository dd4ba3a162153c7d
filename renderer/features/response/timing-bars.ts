import type { Timings } from '../../../shared/model/response';

export type TimingPhase = 'redirects' | 'dns' | 'connect' | 'tls' | 'waiting' | 'download';

export interface TimingBar {
  /** Which phase: its colour in the waterfall. */
  key: TimingPhase;
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
  const add = (key: TimingPhase, phase: string, ms: number | undefined) => {
    if (ms === undefined) return;
    bars.push({ key, phase, startMs: at, durationMs: Math.max(0, ms) });
    at += Math.max(0, ms);
  };
  add('redirects', 'Redirects', t.redirectMs || undefined);
  add('dns', 'DNS lookup', t.dnsMs);
  add('connect', 'TCP connect', t.connectMs);
  add('tls', 'TLS handshake', t.tlsMs);
  // Waiting is what remains of the time to first byte once the earlier phases are counted.
  bars.push({
    key: 'waiting',
    phase: 'Waiting (TTFB)',
    startMs: at,
    durationMs: Math.max(0, t.firstByteMs - at),
  });
  bars.push({
    key: 'download',
    phase: 'Download',
    startMs: Math.max(at, t.firstByteMs),
    durationMs: t.downloadMs,
  });
  return bars;
}

/**
 * Round marks for the waterfall's time axis: 0, then steps of 1, 2 or 5 × 10ⁿ ms, at most `max`
 * marks up to `totalMs` (the last one may fall short of the total, never beyond it).
 */
export function axisTicks(totalMs: number, max = 5): number[] {
  if (!(totalMs > 0)) return [0];
  const rough = totalMs / max;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => totalMs / s <= max) ?? 10 * power;
  const ticks: number[] = [];
  for (let at = 0; at <= totalMs + 1e-9; at += step) ticks.push(Math.round(at * 1000) / 1000);
  return ticks;
}
