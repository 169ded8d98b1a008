import { decideOutputVerdict, type OutputVerdict } from '../compare/decide-gate.ts';
import type { Report } from '../compare/schema.ts';
import type { ActionsCore } from './actions-core.ts';

export { decideOutputVerdict, type OutputVerdict };

/** Outputs that do not come from the report itself. */
export interface ExtraOutputs {
  /** Path of the report JSON that was written. */
  reportJson: string;
  /** Path of the report markdown that was written. */
  reportMarkdown: string;
  /** The comment's URL, null when none was written. */
  commentUrl: string | null;
}

/**
 * Sets the action's outputs: `verdict`, `regressions`, `improvements`, `report-json`,
 * `report-markdown` and `comment-url` (empty when there is no comment). `regressions` and
 * `improvements` count gated comparisons only, as the comment's headline does; non-gated
 * metrics are diagnostics.
 * @param core `@actions/core` or a fake
 * @param report the report
 * @param extra the written files and the comment URL
 */
export function writeOutputs(core: Pick<ActionsCore, 'setOutput'>, report: Report, extra: ExtraOutputs): void {
  core.setOutput('verdict', decideOutputVerdict(report));
  core.setOutput('regressions', String(report.summary.gated.regressed));
  core.setOutput('improvements', String(report.summary.gated.improved));
  core.setOutput('report-json', extra.reportJson);
  core.setOutput('report-markdown', extra.reportMarkdown);
  core.setOutput('comment-url', extra.commentUrl ?? '');
}
