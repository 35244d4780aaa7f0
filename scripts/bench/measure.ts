// Timing helpers shared by the benchmark steps.
import { performance } from 'perf_hooks';

export interface Spread {
  median: number;
  p95: number;
  max: number;
  samples: number[];
}

/** Median, 95th percentile (nearest rank) and maximum. */
export function spread(samples: number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return { median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1], samples };
}

/**
 * The floor any analysis is measured against: one pass over the text finding every `>>` marker.
 * Best of several rounds, so it is the scan's speed and not the JIT's warm-up; a round repeats the
 * scan of a small text so that it lasts long enough to time reliably.
 */
export function markerScanMs(text: string, rounds = 20): { ms: number; markers: number } {
  const scansPerRound = Math.max(1, Math.round(2_000_000 / Math.max(1, text.length)));
  let best = Infinity;
  let markers = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let scan = 0; scan < scansPerRound; scan++) {
      markers = 0;
      for (let at = text.indexOf('>>'); at !== -1; at = text.indexOf('>>', at + 2)) markers++;
    }
    best = Math.min(best, (performance.now() - started) / scansPerRound);
  }
  return { ms: best, markers };
}

export function formatMs(ms: number): string {
  if (ms < 0.1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatMultiple(multiple: number): string {
  return multiple >= 10 ? `${Math.round(multiple)}×` : `${multiple.toFixed(1)}×`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB`;
  return `${Math.round(bytes / 1000)} KB`;
}
