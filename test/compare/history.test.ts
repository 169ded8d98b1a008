import { expect, test } from 'vitest';
import { estimateJobNoise, historyKey, type HistoryJob } from '../../src/compare/history.ts';
import { lagDifferenceRms } from '../../src/stats/index.ts';

test('historyKey joins id and metric as the baseline store keys centers', () => {
  expect(historyKey('layout/ddsplit', 'latency-p50')).toBe('layout/ddsplit::latency-p50');
});

test('estimateJobNoise is the robust lag-difference RMS of log centers in history order, with 0.75·(n − 1) df and the median', () => {
  const centers = [100, 110, 90, 105, 95];
  const history: HistoryJob[] = centers.map((center, i) => ({ commit: `${i}`, centers: { 'a::m': center } }));
  const logs = centers.map(Math.log);
  expect(estimateJobNoise(history, 'a::m', 5)).toEqual({
    sd: lagDifferenceRms(logs, 2),
    jobs: 5,
    df: expect.closeTo(0.75 * 4, 12),
    logCenter: Math.log(100),
    deviations: logs.map((log) => log - Math.log(100)),
  });
});

test('one odd job barely moves the estimate; it would triple a sample standard deviation', () => {
  const centers = [1000, 1008, 994, 1003, 997, 1011, 990, 1005, 999, 1002];
  const clean = estimateJobNoise(
    centers.map((center, i) => ({ commit: `${i}`, centers: { k: center } })),
    'k',
    8,
  )!;
  const odd = estimateJobNoise(
    [...centers, 1500].map((center, i) => ({ commit: `${i}`, centers: { k: center } })),
    'k',
    8,
  )!;
  expect(odd.sd).toBeLessThan(clean.sd * 1.5);
  const logs = [...centers, 1500].map(Math.log);
  const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
  expect(sd).toBeGreaterThan(clean.sd * 10);
});

test('jobs without the key or with a center ≤ 0 do not count, and too few give null', () => {
  const history: HistoryJob[] = [
    { commit: '1', centers: { 'a::m': 100 } },
    { commit: '2', centers: { 'a::m': 0 } },
    { commit: '3', centers: { 'b::m': 100 } },
    { commit: '4', centers: { 'a::m': 101 } },
    { commit: '5', centers: { 'a::m': 99 } },
    { commit: '6', centers: { 'a::m': 100 } },
  ];
  expect(estimateJobNoise(history, 'a::m', 5)).toBeNull();
  expect(estimateJobNoise(history, 'a::m', 4)!.jobs).toBe(4);
});
