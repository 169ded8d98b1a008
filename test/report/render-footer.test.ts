import { describe, expect, test } from 'vitest';
import type { Comparison } from '../../src/compare/schema.ts';
import { renderFooter } from '../../src/report/render-footer.ts';
import { renderTextTable } from '../../src/report/render-text-table.ts';
import { comparison, regressions, report } from './fixtures.ts';

const paired = (spec: Parameters<typeof comparison>[0]): Comparison => ({
  ...comparison({ noise: { model: 'within-job' }, test: 'signed-rank', runs: [14, 14], ...spec }),
  design: 'paired',
});

const sameRunner = report(
  [
    paired({ id: 'layout/replay', verdict: 'regressed', ratio: [1.2, 1.15, 1.25], worse: 0.0001, better: 0.9999 }),
    paired({ id: 'layout/parse', verdict: 'unchanged', ratio: [1, 0.99, 1.01] }),
  ],
  {
    baselineChoice: {
      method: 'same-runner',
      commit: 'a'.repeat(40),
      date: '2026-11-22T20:00:00.000Z',
      branch: 'main',
      description: 'same-runner A/B: the merge base aaaaaaa of main, measured on this runner with the current commit in 14 interleaved rounds',
      historyRuns: 0,
    },
  },
);

describe('renderFooter', () => {
  test('a same-runner report says the comparison was within one job: interleaved rounds on one runner, no job-to-job term', () => {
    const footer = renderFooter(sameRunner);
    expect(footer).toContain('- **Rounds:** 14 interleaved rounds of base and current on this one runner, one fresh process per side in each round');
    expect(footer).toContain(
      '- **Noise model:** within one job: base and current were measured in interleaved rounds on the same runner, so there is no job-to-job term; the test uses the round-by-round differences for all 2 tested comparisons',
    );
    expect(footer).not.toMatch(/stored jobs|noise floor|Runs per side/);
    expect(renderTextTable(sameRunner)).not.toMatch(/stored jobs|noise floor/);
  });

  test('a stored-design report keeps runs per side and its job-to-job noise model', () => {
    const footer = renderFooter(regressions);
    expect(footer).toMatch(/- \*\*Runs per side:\*\* 10 baseline, 10 current/);
    expect(footer).toContain('job-to-job noise from 6 stored jobs');
    expect(footer).not.toContain('within one job');
  });
});
