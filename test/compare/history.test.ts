import { expect, test } from 'vitest';
import { estimateJobNoise, historyKey, type HistoryJob } from '../../src/compare/history.ts';

test('historyKey joins id and metric as the baseline store keys centers', () => {
  expect(historyKey('layout/ddsplit', 'latency-p50')).toBe('layout/ddsplit::latency-p50');
});

test('estimateJobNoise is the sample standard deviation of log centers', () => {
  const centers = [100, 110, 90, 105, 95];
  const history: HistoryJob[] = centers.map((center, i) => ({ commit: `${i}`, centers: { 'a::m': center } }));
  const logs = centers.map(Math.log);
  const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
  expect(estimateJobNoise(history, 'a::m', 5)).toEqual({ sd: expect.closeTo(sd, 14), jobs: 5 });
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
