import { describe, expect, test } from 'vitest';
import { renderForestPlot } from '../../src/report/render-forest-plot.ts';
import { bigReport, comparison, hostile, regressions } from './fixtures.ts';

const rowsOf = (plot: string) => plot.split('\n').filter((line) => /[●◀▶]/.test(line) && !line.startsWith('● estimate') && !line.includes('worse'));

describe('renderForestPlot', () => {
  test('one row per comparison, worst first, the estimate inside its interval', () => {
    const plot = renderForestPlot(
      regressions.comparisons.filter((c) => c.gate),
      0.05,
    );
    const rows = rowsOf(plot);
    expect(rows).toHaveLength(5);
    const values = rows.map((row) => Number(/ ([−+]?\d+\.\d)%/.exec(row)![1]!.replace('−', '-')));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    for (const row of rows) {
      const dot = row.indexOf('●');
      expect(row.slice(dot - 1, dot + 2)).toMatch(/[━┆│●╋┿ ]●[━┆│╋┿ ]?/);
    }
  });

  test('the ±threshold band and no change are drawn on every row at the same columns', () => {
    const rows = rowsOf(
      renderForestPlot(
        regressions.comparisons.filter((c) => c.gate),
        0.05,
      ),
    );
    const columns = (row: string, marks: RegExp) => [...row.matchAll(marks)].map((match) => match.index);
    const zero = columns(rows[0]!, /[│╋]/g);
    expect(zero).toHaveLength(1);
    for (const row of rows) {
      const at = columns(row, /[│╋]/g);
      if (at.length > 0) expect(at).toEqual(zero);
    }
  });

  test('a change beyond ×½ … ×2 ends in an arrow at the edge', () => {
    const plot = renderForestPlot(
      [comparison({ id: 'huge', verdict: 'regressed', ratio: [10, 9, 11] }), comparison({ id: 'small', verdict: 'unchanged' })],
      0.05,
    );
    expect(rowsOf(plot).find((row) => row.startsWith('huge'))).toMatch(/◀/);
  });

  test('a capped plot keeps every regression and counts what it left out', () => {
    const big = bigReport(300);
    const plot = renderForestPlot(big.comparisons, 0.05, { maxRows: 8 });
    const regressed = big.comparisons.filter((c) => c.verdict === 'regressed').length;
    expect(regressed).toBeLessThanOrEqual(8);
    expect(rowsOf(plot).filter((row) => /−\d/.test(row.split(/\s{2,}/)[1] ?? '')).length).toBeGreaterThanOrEqual(regressed);
    expect(plot).toContain('… 292 more, smaller');
  });

  test('names are sanitised: no control or bidirectional characters reach a terminal', () => {
    const plot = renderForestPlot(hostile.comparisons, 0.05);
    expect(plot).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  });

  test('nothing with a change: no plot', () => {
    expect(renderForestPlot([comparison({ id: 'a', verdict: 'new' })], 0.05)).toBe('');
  });
});
