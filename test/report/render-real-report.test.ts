/**
 * The report renderers fed by the real compare stage (not hand-written fixtures): results with a
 * 27% latency rise on one benchmark go through `compareResults` and `createReport`, and the
 * comment says what a reviewer needs.
 */
import { describe, expect, test } from 'vitest';
import { compareResults, createReport, ReportSchema } from '../../src/compare/index.ts';
import { renderComment } from '../../src/report/render-comment.ts';
import { renderTextTable } from '../../src/report/render-text-table.ts';
import type { Results } from '../../src/results/schema.ts';
import { random, RUNNER_ENVIRONMENT } from './fixtures.ts';
import { htmlText, renderHtml } from './render-html.ts';

function results(commit: string, slowdown: number, seed: number): Results {
  const next = random(seed);
  const runs = (center: number, factor = 1) => Array.from({ length: 10 }, () => center * factor * (1 + (next() - 0.5) * 0.02));
  return {
    schema: 'benchgate/results@1',
    tool: 'benchgate',
    commit,
    ref: 'refs/heads/main',
    createdAt: '2026-11-22T18:00:00.000Z',
    seed,
    environment: RUNNER_ENVIRONMENT,
    benchmarks: [
      {
        id: 'layout/ddsplit-replay',
        state: 'completed',
        metrics: [{ name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: runs(1_912_400, slowdown) }],
      },
      {
        id: 'executor/single-task @octocat <b>',
        state: 'completed',
        metrics: [{ name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: runs(850_000) }],
      },
    ],
  };
}

function realReport(slowdown: number) {
  const baseline = results('a'.repeat(40), 1, 1);
  const current = results('b'.repeat(40), slowdown, 2);
  const comparisons = compareResults(baseline, current, { seed: 7 });
  return ReportSchema.parse(
    createReport({
      benchmarkSet: 'default',
      baseline,
      baselineChoice: null,
      current,
      options: { seed: 7 },
      comparisons,
      gate: {},
      reproduce: 'npx benchgate compare base.json current.json --seed 7',
    }),
  );
}

describe('rendering a report from the real compare stage', () => {
  test('a 27% latency rise is a headline regression near −21% throughput, with its interval', () => {
    const comment = renderComment(realReport(1.271));
    expect(comment.split('\n')[1]).toMatch(
      /^### ❌ fail: 1 regression, 0 improvements — layout\/ddsplit-replay throughput −2[01]\.\d% \(95% CI −\d+\.\d% … −\d+\.\d%\)$/,
    );
    const html = renderHtml(comment);
    expect(html).not.toContain('<b>');
    expect(htmlText(html)).toContain('executor/single-task @octocat <b>');
    expect(renderTextTable(realReport(1.271))).toMatch(/gate: FAILED/);
  });

  test('no change: a green headline', () => {
    const comment = renderComment(realReport(1));
    expect(comment.split('\n')[1]).toBe('### ✅ pass: 0 regressions, 0 improvements');
  });
});
