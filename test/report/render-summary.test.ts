import { describe, expect, test } from 'vitest';
import { MAX_COMMENT_LENGTH, renderComment } from '../../src/report/render-comment.ts';
import { MAX_SUMMARY_BYTES, renderSummary } from '../../src/report/render-summary.ts';
import { bigReport, regressions } from './fixtures.ts';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('renderSummary', () => {
  test('is the comment without the marker when the comment needed no folding', () => {
    const comment = renderComment(regressions);
    expect(renderSummary(regressions)).toBe(comment.slice(comment.indexOf('\n') + 1));
  });

  test('lists rows the comment had to fold', () => {
    const big = bigReport(3_000);
    const comment = renderComment(big);
    const summary = renderSummary(big);
    expect(comment).toContain('comparisons are not listed');
    expect(summary).not.toContain('comparisons are not listed');
    expect(summary.length).toBeGreaterThan(MAX_COMMENT_LENGTH);
    expect(summary.split('\n').filter((line) => line.startsWith('| generated/'))).toHaveLength(3_000);
  });

  test('folds to its byte limit, counted in UTF-8 bytes, and names the limit and where the full list is', () => {
    const summary = renderSummary(bigReport(5_000), 200_000);
    expect(bytes(summary)).toBeLessThanOrEqual(200_000);
    expect(summary).toMatch(
      /comparisons are not listed here, to stay under GitHub's 200,000-byte job summary limit .*The full list is in the report JSON file \(the `report-json` output\)/,
    );
    expect(bytes(renderSummary(bigReport(3_000)))).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
  });

  test('a smaller byte limit is honoured', () => {
    const summary = renderSummary(bigReport(500), 20_000);
    expect(bytes(summary)).toBeLessThanOrEqual(20_000);
  });
});
