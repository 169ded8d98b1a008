import { describe, expect, test } from 'vitest';
import { renderResultsTable } from '../../src/report/render-results-table.ts';
import type { Results } from '../../src/results/schema.ts';

const results: Results = {
  schema: 'benchgate/results@1',
  tool: 'benchgate',
  commit: null,
  ref: null,
  createdAt: '2026-11-22T10:00:00.000Z',
  seed: 1,
  environment: { cpuModel: 'cpu', cores: 2, os: 'linux', arch: 'x64', node: 'v24.1.0', runnerImage: null },
  benchmarks: [
    {
      id: 'layout/ddsplit-replay',
      state: 'completed',
      metrics: [
        { name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: [80_000, 82_000, 90_000] },
        { name: 'latency-mean', unit: 'ns', direction: 'smaller', gate: false, observation: 'process', runs: [1, 2, 3] },
        { name: 'bytes-copied', unit: 'B/req', direction: 'smaller', gate: true, observation: 'process', runs: [51_176, 51_176, 51_176] },
      ],
    },
    { id: 'layout/broken', state: 'errored', error: 'run 2: boom', metrics: [] },
  ],
};

describe('renderResultsTable', () => {
  test('shows the median of runs in human units, the spread, the run count and gated extra metrics', () => {
    const lines = renderResultsTable(results).split('\n');
    expect(lines[0]).toMatch(/^benchmark\s+p50 \(median of runs\)\s+run spread\s+runs\s+other metrics$/);
    expect(lines[2]).toMatch(/^layout\/ddsplit-replay\s+82 µs\s+±6\.1%\s+3\s+bytes-copied 50 KiB\/req$/);
    expect(lines[2]).not.toContain('latency-mean');
  });

  test('an errored benchmark says so with its message', () => {
    expect(renderResultsTable(results).split('\n')[3]).toMatch(/^layout\/broken\s+—\s+—\s+0\s+ERRORED: run 2: boom$/);
  });
});
