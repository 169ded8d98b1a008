import type { PublishOutcome } from '../baseline/publish-folder.ts';
import type { GitRunner } from '../baseline/run-git.ts';
import type { StoreLog } from '../baseline/store.ts';
import { publishDashboard } from './publish-dashboard.ts';
import { dashboardUrl, DEFAULT_DETECT_OPTIONS, type DetectOptions, type MetricSeries, type NewChangePoint } from '../history/index.ts';
import { renderChangePointComment, renderNewChangePoints } from '../report/render-history.ts';
import { detectOnPush } from '../history-io/detect-on-push.ts';

/** What the action knows after a push stored its run. */
export interface AfterPushOptions {
  workspace: string;
  dataBranch: string;
  benchmarkSet: string;
  /** The pushed branch. */
  branch: string;
  /** The pushed commit (its run is stored). */
  commit: string;
  /** e.g. `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/commit/{commit}`; null for no links. */
  commitUrl: string | null;
  /** Post a commit comment on the first commit after each new change point (`comment-on-push` not `never`). */
  commentOnCommit: boolean;
  /** Publish the dashboard (input `dashboard`) to this folder, served at `url`; null to skip. */
  dashboard: { folder: string; url: string } | null;
  /** Token for https remotes; null uses the checkout's credentials. */
  token: string | null;
  detection: DetectOptions;
}

/** The action's outside world for `reportHistoryAfterPush`. */
export interface AfterPushDeps {
  log: StoreLog;
  /** Appends markdown to the job summary. */
  appendSummary: (markdown: string) => Promise<void>;
  /** Creates a commit comment (the report helper's `createCommitComment` with its client bound). */
  createCommitComment: (commit: string, body: string) => Promise<void>;
  git?: GitRunner;
}

/**
 * Everything the action does with stored history after a push stored its run, in order: find the
 * change points that this run revealed (`detectOnPush`), add them to the job summary, comment on
 * the first commit after each (when asked), and rebuild and publish the dashboard (when asked).
 * Each step's trouble is a warning: the run, already stored, goes on.
 * @param options the push, links, and what to publish
 * @param deps log, job summary and commit comments
 * @returns the new change points and what publishing did
 */
export async function reportHistoryAfterPush(
  options: Partial<AfterPushOptions> & Pick<AfterPushOptions, 'workspace' | 'benchmarkSet' | 'branch' | 'commit'>,
  deps: AfterPushDeps,
): Promise<{ found: NewChangePoint[]; published: PublishOutcome | null }> {
  const detection = options.detection ?? DEFAULT_DETECT_OPTIONS;
  const dataBranch = options.dataBranch ?? 'benchgate-data';
  const dashboard = options.dashboard ?? null;
  const git = deps.git ? { git: deps.git } : {};
  let found: NewChangePoint[] = [];
  try {
    const detected = await detectOnPush(
      { workspace: options.workspace, dataBranch, benchmarkSet: options.benchmarkSet, branch: options.branch, commit: options.commit, detection },
      deps.git,
    );
    for (const warning of detected.warnings) deps.log.warning(warning);
    found = detected.found;
  } catch (error: unknown) {
    deps.log.warning(`could not look for change points in the stored history: ${(error as Error).message}`);
  }
  const markdown = {
    commitUrl: options.commitUrl ?? null,
    dashboardLink: dashboard ? (series: MetricSeries) => dashboardUrl(dashboard.url, series.benchmarkSet, series.branch, series.benchmark) : null,
    detection,
  };
  if (found.length > 0) {
    deps.log.info(`${found.length} new change point(s) in the stored history of ${options.benchmarkSet}/${options.branch}`);
    try {
      await deps.appendSummary(renderNewChangePoints(found, markdown));
    } catch (error: unknown) {
      deps.log.warning(`could not write the change points to the job summary: ${(error as Error).message}`);
    }
    if (options.commentOnCommit) {
      const byCommit = new Map<string, NewChangePoint[]>();
      for (const one of found) byCommit.set(one.changePoint.firstAfter.commit, [...(byCommit.get(one.changePoint.firstAfter.commit) ?? []), one]);
      for (const [commit, here] of byCommit) {
        try {
          await deps.createCommitComment(commit, renderChangePointComment(here, markdown));
        } catch (error: unknown) {
          deps.log.warning(`could not comment on commit ${commit.slice(0, 7)}: ${(error as Error).message}`);
        }
      }
    }
  }
  let published: PublishOutcome | null = null;
  if (dashboard) {
    try {
      published = await publishDashboard(
        { workspace: options.workspace, dataBranch, folder: dashboard.folder, commitUrl: options.commitUrl ?? null, token: options.token ?? null, detection },
        { log: deps.log, ...git },
      );
      if (published.state === 'published') deps.log.info(`dashboard published: ${dashboard.url}`);
    } catch (error: unknown) {
      deps.log.warning(`could not publish the dashboard: ${(error as Error).message}`);
    }
  }
  return { found, published };
}
