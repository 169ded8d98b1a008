import type { Report } from '../compare/schema.ts';

/**
 * The line that mentions the workflow's `alert-comment-cc-users` under the comment when a gated
 * benchmark regressed (github-action-benchmark's alert mentions). The names come from the
 * validated config only, never from the report, so benchmark output cannot mention anyone (and
 * the report's own text escapes every `@`).
 * @param report the report
 * @param users validated `@user` / `@org/team` names
 * @returns the line with its leading blank line, or '' when nobody is to be mentioned
 * @example
 * renderMentions(reportWithOneRegression, ['@octocat']) // => '\n\ncc @octocat: 1 gated benchmark regressed.\n'
 */
export function renderMentions(report: Report, users: readonly string[]): string {
  if (users.length === 0) return '';
  const regressed = report.comparisons.filter((c) => c.gate && c.verdict === 'regressed').length;
  if (regressed === 0) return '';
  return `\n\ncc ${users.join(' ')}: ${regressed} gated benchmark${regressed === 1 ? '' : 's'} regressed.\n`;
}
