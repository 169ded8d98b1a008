import type { JobSummary } from './actions-core.ts';

/** GitHub drops a step summary larger than 1 MiB; we stay this far below it. */
export const JOB_SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;

/**
 * Appends the full report to the job summary. A report past GitHub's 1 MiB step-summary limit
 * is cut at a line break and says so, pointing at the report files, rather than being dropped.
 * @param summary `core.summary` or a fake
 * @param markdown the report (`renderSummary(report)`)
 * @param limitBytes the byte budget
 * @returns whether the report had to be cut
 */
export async function writeJobSummary(summary: JobSummary, markdown: string, limitBytes = JOB_SUMMARY_LIMIT_BYTES): Promise<{ truncated: boolean }> {
  const fitted = fitToBytes(markdown, limitBytes);
  await summary.addRaw(fitted.text, true).write();
  return { truncated: fitted.truncated };
}

const TRUNCATION_NOTE =
  "\n\n> [!WARNING]\n> This report was cut to fit GitHub's 1 MiB job summary limit. The full report is in the files named by this step's `report-markdown` and `report-json` outputs.\n";

function fitToBytes(markdown: string, limitBytes: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(markdown, 'utf8') <= limitBytes) return { text: markdown, truncated: false };
  const budget = Math.max(0, limitBytes - Buffer.byteLength(TRUNCATION_NOTE, 'utf8'));
  // Cut by bytes, then back to the last whole line, so no table row or multi-byte character is split.
  const head = Buffer.from(markdown, 'utf8').subarray(0, budget).toString('utf8');
  const lastBreak = head.lastIndexOf('\n');
  return { text: (lastBreak > 0 ? head.slice(0, lastBreak) : '') + TRUNCATION_NOTE, truncated: true };
}
