import { median } from '../stats/median.ts';
import type { Results } from '../results/schema.ts';
import { formatValue } from './format-value.ts';

function spread(runs: readonly number[]): string {
  if (runs.length < 2) return '—';
  const low = Math.min(...runs);
  const high = Math.max(...runs);
  const center = median([...runs]);
  return center === 0 ? '±0.0%' : `±${((50 * (high - low)) / center).toFixed(1)}%`;
}

/**
 * Renders a results file as a plain-text table for a terminal: one row per benchmark with the
 * median over runs of its median latency, the half-range of the runs, the run count and the
 * custom metrics' medians.
 * @param results what the runner wrote
 * @returns lines of text, columns aligned
 */
export function renderResultsTable(results: Results): string {
  const header = ['benchmark', 'p50 (median of runs)', 'run spread', 'runs', 'other metrics'];
  const rows = results.benchmarks.map((benchmark) => {
    const p50 = benchmark.metrics.find((m) => m.name === 'latency-p50');
    const others = benchmark.metrics
      .filter((m) => m.gate && m.name !== 'latency-p50' && m.runs.length > 0)
      .map((m) => `${m.name} ${formatValue(median([...m.runs]), m.unit)}`)
      .join(', ');
    const state = benchmark.state === 'errored' ? `ERRORED: ${benchmark.error}` : others;
    return [
      benchmark.id,
      p50 && p50.runs.length > 0 ? formatValue(median([...p50.runs]), p50.unit) : '—',
      p50 ? spread(p50.runs) : '—',
      String(p50?.runs.length ?? 0),
      state,
    ];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
