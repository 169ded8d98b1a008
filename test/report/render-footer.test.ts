import { describe, expect, test } from 'vitest';
import { renderFooter } from '../../src/report/render-footer.ts';
import { renderTextTable } from '../../src/report/render-text-table.ts';
import { regressions, sameRunner } from './fixtures.ts';

describe('renderFooter', () => {
  test('a same-runner report says the comparison was within one job: interleaved rounds on one runner, no job-to-job term', () => {
    const footer = renderFooter(sameRunner);
    expect(footer).toContain('- **Rounds:** 14 interleaved rounds of base and current on this one runner, one fresh process per side in each round');
    expect(footer).toContain(
      '- **Noise model:** within one job (base and current measured in interleaved rounds on the same runner: no job-to-job term; tested on the round-by-round differences) for all 3 tested comparisons',
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
