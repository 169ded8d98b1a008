import { describe, expect, test } from 'vitest';
import { renderComment } from '../../src/report/render-comment.ts';
import { renderForestPlot } from '../../src/report/render-forest-plot.ts';
import { renderTextTable } from '../../src/report/render-text-table.ts';
import { bigReport, GOLDEN_FIXTURES, hostile, noBaseline, noisyRunner, regressions } from './fixtures.ts';

describe('renderTextTable goldens', () => {
  test.each(Object.entries(GOLDEN_FIXTURES))('%s', async (name, fixture) => {
    await expect(renderTextTable(fixture)).toMatchFileSnapshot(`./__golden__/${name}.txt`);
  });
});

describe('renderTextTable', () => {
  test('headline, aligned columns and the gate line', () => {
    const lines = renderTextTable(regressions).split('\n');
    expect(lines[0]).toBe('benchgate · default: fail: 1 regression, 1 improvement — layout/ddsplit-replay throughput −21.3% (95% CI −23.0% … −19.4%)');
    const header = lines[2]!;
    const rule = lines[3]!;
    expect(rule).toMatch(/^[- ]+$/);
    const columnStarts = (line: string) => [...line.matchAll(/(?<=^| {2})\S/g)].map((match) => match.index);
    expect(columnStarts(rule)).toEqual(columnStarts(rule.replace(/-/g, 'x')));
    for (const row of lines.slice(4, 10)) {
      expect(row.length).toBeLessThanOrEqual(rule.length);
      // The verdict column starts where the header's does.
      expect(row.lastIndexOf('  ') + 2).toBe(header.indexOf('verdict'));
    }
    expect(lines.at(-1)).toBe('gate: FAILED: 1 regression: layout/ddsplit-replay latency-p50 (throughput −21.3%)');
  });

  test('a gated change beyond the threshold but within the job-to-job noise is explained; a diagnostic one is not', () => {
    expect(renderTextTable(noisyRunner)).toMatch(/^unchanged: layout\/layout-model: beyond the 5% threshold but within the job-to-job noise/m);
    const diagnostic = {
      ...noisyRunner,
      comparisons: noisyRunner.comparisons.map((c) => (c.id === 'layout/layout-model' ? { ...c, gate: false } : c)),
    };
    expect(renderTextTable(diagnostic)).not.toContain('within the job-to-job noise');
  });

  test('no markdown and no control characters, whatever the names', () => {
    const text = renderTextTable(hostile);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).not.toContain('&#8203;');
    expect(text).toContain('`rm -rf` **bold**');
    expect(text).toContain('<img src=x onerror=alert(1)>|@octocat #1');
  });

  test('first run says there is nothing to compare', () => {
    expect(renderTextTable(noBaseline)).toContain('baseline: none yet');
    expect(renderTextTable(noBaseline).split('\n').at(-1)).toBe('gate: passed');
  });

  test('lists every comparison, however many', () => {
    const big = bigReport(2_000);
    expect(
      renderTextTable(big)
        .split('\n')
        .filter((line) => line.startsWith('generated/') && line.includes(' → ')),
    ).toHaveLength(2_000);
  });

  test('prints the same forest plot as the comment', () => {
    const plot = renderForestPlot(
      regressions.comparisons.filter((c) => c.gate),
      regressions.settings.threshold,
    );
    expect(renderTextTable(regressions)).toContain(plot);
    expect(renderComment(regressions)).toContain(plot);
  });
});
