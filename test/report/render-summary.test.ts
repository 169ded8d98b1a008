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

  test("folds to GitHub's 1 MiB summary limit, counted in UTF-8 bytes", () => {
    const summary = renderSummary(bigReport(10_000));
    expect(bytes(summary)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(summary).toMatch(/comparisons are not listed, to stay under GitHub's 1,048,576-byte job summary limit/);
  });

  test('a smaller byte limit is honoured', () => {
    const summary = renderSummary(bigReport(500), 20_000);
    expect(bytes(summary)).toBeLessThanOrEqual(20_000);
  });
});
