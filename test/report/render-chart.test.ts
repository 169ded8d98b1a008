import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { renderChart, selectChartPoints } from '../../src/report/render-chart.ts';
import { comparison, hostile, regressions } from './fixtures.ts';

/**
 * Checks a chart against the subset of mermaid's xychart-beta grammar we emit: the header,
 * a quoted title, a categorical x-axis of quoted labels without quotes inside, a y-axis with
 * a numeric range, then bar/line series of plain numbers, one per category.
 */
function checkXyChart(block: string): void {
  const lines = block.split('\n');
  expect(lines[0]).toBe('```mermaid');
  expect(lines.at(-1)).toBe('```');
  const body = lines.slice(1, -1).map((line) => line.trim());
  expect(body[0]).toBe('xychart-beta');
  expect(body[1]).toMatch(/^title "[^"\n%]*"$/);
  const axis = /^x-axis \[("[^"\n,[\]]*"(, "[^"\n,[\]]*")*)\]$/.exec(body[2]!);
  expect(axis).not.toBeNull();
  const categories = axis![1]!.split(', ').length;
  const range = /^y-axis "[^"\n]*" (-?\d+) --> (-?\d+)$/.exec(body[3]!);
  expect(range).not.toBeNull();
  const [low, high] = [Number(range![1]), Number(range![2])];
  expect(low).toBeLessThan(high);
  const series = body.slice(4);
  expect(series.length).toBeGreaterThan(0);
  for (const line of series) {
    const match = /^(bar|line) \[(-?\d+(\.\d+)?(, -?\d+(\.\d+)?)*)\]$/.exec(line);
    expect(match, line).not.toBeNull();
    const values = match![2]!.split(', ').map(Number);
    expect(values).toHaveLength(categories);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(low);
      expect(value).toBeLessThanOrEqual(high);
    }
  }
}

describe('renderChart', () => {
  test('draws bars for estimates and lines for the interval ends', () => {
    const chart = renderChart(regressions.comparisons.filter((c) => c.verdict !== 'unchanged'), 0.95);
    checkXyChart(chart);
    expect(chart).toContain('bar [-21.3, -75.6, 12.4]');
    expect(chart).toContain('line [-23.0, -76.7, 9.8]');
    expect(chart).toContain('line [-19.4, -74.4, 15.1]');
    expect(chart).toContain('"layout/ddsplit-replay latency-p50"');
  });

  test('is empty when nothing has an interval', () => {
    expect(renderChart([comparison({ id: 'a', verdict: 'new' })], 0.95)).toBe('');
  });

  test('keeps hostile names out of the mermaid syntax', () => {
    const chart = renderChart(hostile.comparisons, 0.95);
    checkXyChart(chart);
    const axis = chart.split('\n').find((line) => line.includes('x-axis'))!;
    expect(axis).not.toMatch(/[<>@#`|$:]/);
  });

  test('keeps only the largest changes', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      comparison({ id: `b${index}`, verdict: 'regressed', ratio: [1 + index / 100, 1 + index / 100 - 0.01, 1 + index / 100 + 0.01] }),
    );
    const kept = selectChartPoints(many, 5).map((c) => c.id);
    expect(kept).toEqual(['b25', 'b26', 'b27', 'b28', 'b29']);
    checkXyChart(renderChart(many, 0.95, { maxPoints: 5 }));
  });

  test('is valid for any names and any finite changes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.string({ maxLength: 60 }),
            ratio: fc.double({ min: 0.01, max: 100, noNaN: true }),
            spread: fc.double({ min: 0, max: 0.5, noNaN: true }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        (specs) => {
          const comparisons = specs.map(({ id, ratio, spread }) =>
            comparison({ id: id || 'x', verdict: 'regressed', ratio: [ratio, ratio * (1 - spread), ratio * (1 + spread)] }),
          );
          checkXyChart(renderChart(comparisons, 0.95));
        },
      ),
      { numRuns: 300 },
    );
  });
});
