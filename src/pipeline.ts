/**
 * The one orchestrator: config → measure (runner | another tool's output) → baseline → compare →
 * report → publish → gate. The action (`main.ts`) and the CLI (`cli.ts` and its commands) are
 * thin adapters that build a config and the dependencies, call a function here, and take their
 * exit status from the report's gate (`gateExitCode`).
 */
import { glob, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findMergeBase } from './baseline/find-merge-base.ts';
import { branchFolder } from './baseline/layout.ts';
import { runGit, type GitRunner } from './baseline/run-git.ts';
import { readHistory } from './baseline/read-history.ts';
import { shouldSave } from './baseline/should-save.ts';
import { reportHistoryAfterPush } from './dashboard/report-history-after-push.ts';
import { dashboardUrl, githubPagesUrl } from './history/dashboard-url.ts';
import type { BaselineStore, LoadedBaseline } from './baseline/store.ts';
import {
  comparePaired,
  compareResults,
  CompareConfigError,
  createReport,
  mergeCompareConfig,
  parseCompareConfig,
  parseReport,
  resolveCompareOptions,
  type BaselineChoice,
  type CompareOptions,
  type HistoryJob,
  type Report,
  undecidedGatedIds,
} from './compare/index.ts';
import { diffFingerprints } from './compare/fingerprint.ts';
import { formatThreshold } from './compare/parse-threshold.ts';
import { ConfigError, DEFAULT_SUITES, resolveComparisonMode, storedModeRuns, type Config } from './config/config.ts';
import { parseToolOutput, type ToolName } from './formats/index.ts';
import type { ActionsCore, JobSummary } from './github/actions-core.ts';
import type { GitHubClient } from './github/client.ts';
import { createCommitComment, shouldCommentOnPush } from './github/create-commit-comment.ts';
import { publishReport } from './github/publish-report.ts';
import type { PullRequestContext } from './github/pull-request-context.ts';
import { describeGateFailure as describeGateFailureLine } from './report/describe-reason.ts';
import { commentMarker, MAX_COMMENT_LENGTH, renderComment, renderCommitComment, type PushContext } from './report/render-comment.ts';
import { renderMentions } from './report/render-mentions.ts';
import { renderShardSummary } from './report/render-shard-summary.ts';
import { renderSummary } from './report/render-summary.ts';
import { isInShard } from './results/assign-shard.ts';
import { mergeShards, type ShardFile, type ShardMerge } from './results/merge-shards.ts';
import { describeShardProblems } from './report/describe-shard-problems.ts';
import { readResults, writeResults } from './results/read-results.ts';
import type { Environment, Results, ResultsCore, Shard } from './results/schema.ts';
import { writeFileAtomically } from './results/write-file-atomically.ts';
import { BaseUnusableError } from './runner/base-unusable-error.ts';
import type { SignalHooks } from './runner/base-tree.ts';
import { measurePaired, type BaseSource, type PairedMeasurement } from './runner/measure-paired.ts';
import { DEFAULT_AUTO_ROUNDS_OPTIONS, maxLooks, type Look, type PairedMode, type RoundsPlan } from './runner/run-paired-rounds.ts';
import { buildChildEnvironment } from './runner/child-environment.ts';
import { RunnerError } from './runner/runner-error.ts';
import { describeShellFailure, runShell } from './runner/run-shell.ts';
import { describeSetup } from './runner/setup-trees.ts';
import { runSuites, type RunLog } from './runner/run-suites.ts';

/** Where the pipeline reports progress: `@actions/core` in the action, the console in the CLI. */
export interface PipelineLog extends RunLog {
  warning(message: string): void;
}

/** Where the results being measured come from, beside the config. */
export interface MeasureContext {
  cwd: string;
  env: Record<string, string | undefined>;
  commit: string | null;
  ref: string | null;
  environment: Environment;
  log: RunLog;
}

/** The settings `measure` reads. */
export type MeasureConfig = Pick<
  Config,
  'outputFilePath' | 'tool' | 'suites' | 'runs' | 'time' | 'warmupTime' | 'retainSamples' | 'filter' | 'runTimeout' | 'seed' | 'shard'
> &
  Partial<Pick<Config, 'command' | 'githubToken' | 'passEnv'>>;

/**
 * Produces this run's results: runs the suites (`runs: auto` means `STORED_MODE_RUNS`), or,
 * with `output-file-path`, reads another tool's output with its adapter (after running `command`
 * once in the workspace, when it is set).
 * @param config the measuring settings
 * @param context where to run and what to record
 * @returns the results
 * @throws RunnerError when a suite cannot run or the filter matches no benchmark; FormatError for bad tool output
 */
export async function measure(config: MeasureConfig, context: MeasureContext): Promise<Results> {
  if (config.shard !== null && (config.outputFilePath !== null || config.command)) throw new ConfigError(SHARD_NEEDS_SUITES);
  if (config.command) {
    // The stored design runs the tool once, in the workspace, with the scrubbed environment.
    if (config.outputFilePath === null) throw new ConfigError("input 'command' needs 'output-file-path': the file or folder the command writes");
    await rm(path.resolve(context.cwd, config.outputFilePath), { recursive: true, force: true });
    const { env } = buildChildEnvironment(context.env, { token: config.githubToken || null, passEnv: config.passEnv ?? [] });
    context.log.info(`running '${config.command}'`);
    const outcome = await runShell(config.command, { cwd: context.cwd, env, timeout: config.runTimeout, onLine: (line) => context.log.info(`  ${line}`) });
    if (outcome.state !== 'ok') throw new RunnerError(`input 'command' failed: ${describeShellFailure(config.command, outcome)}`);
  }
  if (config.outputFilePath !== null) {
    return parseToolOutput(path.resolve(context.cwd, config.outputFilePath), config.tool, {
      commit: context.commit,
      ref: context.ref,
      environment: context.environment,
    });
  }
  return runSuites(
    {
      ...config,
      runs: storedModeRuns(config),
      cwd: context.cwd,
      env: context.env,
      token: config.githubToken || null,
      passEnv: config.passEnv ?? [],
    },
    { commit: context.commit, ref: context.ref, environment: context.environment },
    context.log,
  );
}

/**
 * Reads a results file or another tool's output for `benchgate compare`. `auto` recognises
 * our own results files too.
 * @param file the file or folder
 * @param tool the format, or `auto`
 * @param environment recorded when the file does not describe its machine
 */
export async function loadResults(file: string, tool: ToolName | 'auto', environment: Environment): Promise<Results> {
  return parseToolOutput(file, tool, { commit: null, ref: null, environment });
}

/**
 * The compare options a config asks for, with its overrides file applied.
 * @param config threshold, alpha, interval, seed, fingerprint-mismatch and the overrides file
 * @param history stored jobs on the base branch, newest first
 * @param tool the producing tool, for the hint on getting repeated runs
 * @throws CompareConfigError naming the overrides file when it cannot be read or is invalid
 */
export async function readCompareOptions(
  config: Pick<Config, 'threshold' | 'alpha' | 'interval' | 'seed' | 'fingerprintMismatch' | 'configFile'>,
  history: HistoryJob[],
  tool: string | null,
): Promise<CompareOptions> {
  let options = resolveCompareOptions({
    threshold: config.threshold,
    alpha: config.alpha,
    interval: config.interval,
    seed: config.seed,
    fingerprintMismatch: config.fingerprintMismatch,
    history,
    tool,
  });
  if (config.configFile !== null) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(config.configFile, 'utf8'));
    } catch (error: unknown) {
      throw new CompareConfigError(config.configFile, '', `cannot be read as JSON: ${(error as Error).message}`);
    }
    options = mergeCompareConfig(options, parseCompareConfig(json, config.configFile));
  }
  return options;
}

/**
 * Quotes a shell word when it needs it, for the reproduce command.
 * @example
 * shellWord("it's") // => `'it'\''s'`
 */
export function shellWord(word: string): string {
  return /^[\w./:%=@-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The CLI command when the action's own repository is not known: the package installed in the repository. */
export const LOCAL_CLI = 'npx benchgate';

/**
 * How a reader runs this version of the CLI in their own repository. For `uses: owner/repo@ref`
 * the runner sets `GITHUB_ACTION_REPOSITORY` and `GITHUB_ACTION_REF`, and npm can run the
 * package straight from that repository at that ref (it holds `bin/` and the built `dist/`; Node
 * 24 or later). For `uses: ./` (the runner leaves both unset) or outside Actions, the package
 * installed in the repository: `npx benchgate`.
 * @param env the action's environment
 * @example
 * describeCli({ GITHUB_ACTION_REPOSITORY: 'acme/benchgate', GITHUB_ACTION_REF: 'v1' })
 * // => 'npx --yes --package=github:acme/benchgate#v1 benchgate'
 */
export function describeCli(env: Record<string, string | undefined>): string {
  const repository = env.GITHUB_ACTION_REPOSITORY ?? '';
  const ref = env.GITHUB_ACTION_REF ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[\w./-]+$/.test(ref)) return LOCAL_CLI;
  return `npx --yes --package=github:${repository}#${ref} benchgate`;
}

/**
 * The commands that reproduce an action run locally: fetch the stored baseline (from the data
 * branch, or the baseline file), measure with the same settings and seed, and compare.
 * @param config the run's settings (runs, time, seed, suites, filter, threshold, alpha, config file)
 * @param baseline the baseline file, or a shell command that writes baseline.json; null when there was none
 * @param cli the command that runs the CLI, from `describeCli`
 */
export function describeReproduction(
  config: Pick<Config, 'runs' | 'time' | 'seed' | 'suites' | 'filter' | 'threshold' | 'alpha' | 'configFile'>,
  baseline: { file: string } | { fetch: string } | null,
  cli: string = LOCAL_CLI,
): string {
  const run = ['run', '--runs', String(storedModeRuns(config)), '--time', String(config.time), '--seed', String(config.seed), '--output', 'current.json'];
  if (config.suites !== DEFAULT_SUITES) run.push('--suites', config.suites);
  if (config.filter !== null) run.push('--filter', config.filter);
  const measureCommand = `${cli} ${run.map(shellWord).join(' ')}`;
  if (baseline === null) return measureCommand;
  const file = 'file' in baseline ? baseline.file : 'baseline.json';
  const compare = ['compare', file, 'current.json', '--threshold', formatThreshold(config.threshold), '--alpha', String(config.alpha)];
  if (config.configFile !== null) compare.push('--config', config.configFile);
  return [...('fetch' in baseline ? [baseline.fetch] : []), measureCommand, `${cli} ${compare.map(shellWord).join(' ')}`].join(' && ');
}

/** Everything `buildReport` needs beside the config. */
export interface ReportInput {
  baseline: Results | null;
  baselineChoice: BaselineChoice | null;
  history: HistoryJob[];
  current: Results;
  reproduce: string;
}

/**
 * Compares the two sides and assembles the `benchgate/report@1` object, gate included.
 * @param config the compare and gate settings
 * @param input both sides, how the baseline was chosen, history and the reproduce command
 */
export async function buildReport(
  config: Pick<Config, 'threshold' | 'alpha' | 'interval' | 'seed' | 'fingerprintMismatch' | 'configFile' | 'benchmarkSet' | 'failOn' | 'failThreshold'>,
  input: ReportInput,
): Promise<Report> {
  const options = await readCompareOptions(config, input.history, input.current.tool);
  const comparisons = compareResults(input.baseline, input.current, options);
  return createReport({
    benchmarkSet: config.benchmarkSet,
    baseline: input.baseline,
    baselineChoice: input.baselineChoice,
    current: input.current,
    options,
    comparisons,
    gate: { failOn: config.failOn, fingerprintMismatch: config.fingerprintMismatch, failThreshold: config.failThreshold },
    reproduce: input.reproduce,
  });
}

/** Writes one whole file; the default is `writeFileAtomically`. */
export type FileWriter = (file: string, text: string) => Promise<void>;

/**
 * Writes the report JSON and markdown (the full report, as the job summary shows it).
 * @param writeFile how to write a file (atomically, by default)
 * @param push for a push that stores its run: the branch, so the markdown says what it was compared with
 * @returns the markdown that was written
 */
export async function writeReportFiles(
  report: Report,
  jsonFile: string,
  markdownFile: string,
  writeFile: FileWriter = writeFileAtomically,
  push: PushContext | null = null,
): Promise<string> {
  const markdown = renderSummary(report, undefined, push);
  await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdownFile, markdown);
  return markdown;
}

/**
 * The process exit status a report asks for: 1 when its gate failed, else 0. The gate already
 * applied `fail-on` and `fingerprint-mismatch`, so nothing else decides it.
 * @param report the report
 * @returns 0 or 1
 */
export function gateExitCode(report: Pick<Report, 'gate'>): 0 | 1 {
  return report.gate.failed ? 1 : 0;
}

/**
 * The one-line failure message for a failed gate (the details are in the comment and summary).
 * @param report the report
 * @returns the line, or null when the gate passed
 */
export function describeGateFailure(report: Report): string | null {
  return report.gate.failed ? describeGateFailureLine(report) : null;
}

/** What the action's run knows about the event that started it. */
export interface RunEvent {
  context: PullRequestContext;
  /** `GITHUB_REF`, e.g. `refs/heads/main`. */
  ref: string | null;
  /** The repository's default branch, from the event payload. */
  defaultBranch: string | null;
}

/** What `runBenchgate` needs from the outside world; tests hand in fakes. */
export interface BenchgateDeps {
  /** The workspace: suites and relative paths resolve here. */
  cwd: string;
  /** The environment of the benchmark child processes. */
  env: Record<string, string | undefined>;
  /** This machine, recorded in the results. */
  environment: Environment;
  event: RunEvent;
  log: PipelineLog;
  /** Builds the baseline store the config asks for. */
  createStore: (config: Config) => BaselineStore;
  /** The REST client; null when there is no token (the comment is skipped with a warning). */
  octokit: GitHubClient | null;
  /** `@actions/core` (outputs, annotations, warnings) or a fake. */
  core: ActionsCore;
  summary: JobSummary;
  /** Reads a text file (the report file in `mode: comment`). @default node:fs readFile */
  readTextFile?: (file: string) => Promise<string>;
  /** @default writeFileAtomically */
  writeFile?: FileWriter;
  /** Runs git for the same-runner design (merge base, worktree). @default the real git CLI */
  git?: GitRunner;
  /** Parent of the base worktree. @default RUNNER_TEMP, else the OS temporary folder */
  tempDir?: string;
  /** Where SIGINT/SIGTERM handlers that remove the base worktree are registered. @default process */
  signals?: SignalHooks;
  /** What a push does with the stored history after saving its run. @default reportHistoryAfterPush */
  reportHistoryAfterPush?: typeof reportHistoryAfterPush;
}

/** What one action run produced, and the exit status it asks for. */
export interface BenchgateOutcome {
  /** The report; in `mode: comment`, the one read from `report-file`. */
  report: Report;
  /** This run's results; null in `mode: comment`. */
  results: Results | null;
  /** 1 when the gate failed (`gateExitCode`); always 0 in `mode: comment`, whose measuring job gated. */
  exitCode: 0 | 1;
  /** The one-line failure for `setFailed`, null when the run passes. */
  failure: string | null;
  /** The sticky comment's URL, when one was written. */
  commentUrl: string | null;
}

/**
 * The action: run the suites (or read another tool's output) → load the baseline → compare →
 * write the report files → publish (job summary, annotations, comment, outputs) → save the
 * baseline on `save-on` pushes → the gate. Infrastructure trouble (no baseline yet, a store or
 * API failure) is a warning and the run goes on; bad input throws.
 * @param config the validated config
 * @param deps the workspace, event, log, store factory, GitHub client and `@actions/core`
 * @returns the report, results and the exit status taken from the report's gate
 */
export async function runBenchgate(config: Config, deps: BenchgateDeps): Promise<BenchgateOutcome> {
  const writeFile = deps.writeFile ?? writeFileAtomically;
  if (config.mode === 'comment') return postStoredReport(config, deps);
  if (config.mode === 'merge') return mergeShardJobs(config, deps);
  const { context } = deps.event;

  const paired = resolveComparisonMode(config, context.eventName) === 'base' ? await measureBaseHere(config, deps) : null;
  let results: Results;
  let report: Report;
  if (paired !== null) {
    results = withShardIdentity(paired.measurement.head, config, deps.env, paired.measurement.base);
    report = paired.report;
    await writeFile(config.output, `${JSON.stringify(results, null, 2)}\n`);
    deps.core.setOutput('results-file', config.output);
    deps.log.info(`results written to ${config.output} (seed ${config.seed})`);
  } else {
    results = await measure(config, {
      cwd: deps.cwd,
      env: deps.env,
      commit: context.headSha,
      ref: deps.event.ref,
      environment: deps.environment,
      log: deps.log,
    });
    results = withShardIdentity(results, config, deps.env, null);
    await writeFile(config.output, `${JSON.stringify(results, null, 2)}\n`);
    deps.core.setOutput('results-file', config.output);
    deps.log.info(`results written to ${config.output} (seed ${config.seed})`);

    const loaded = await loadBaseline(config, deps);
    const shard = config.shard;
    const baseline =
      loaded === null
        ? null
        : shard === null
          ? loaded.results
          : { ...loaded.results, benchmarks: loaded.results.benchmarks.filter((b) => isInShard(b.id, shard)) };
    report = await buildReport(config, {
      baseline,
      baselineChoice: loaded?.choice ?? null,
      history: loaded?.history ?? [],
      current: results,
      reproduce: describeReproduction(config, baselineSource(config, loaded), describeCli(deps.env)),
    });
  }
  if (config.shard !== null) {
    await writeReportFiles(report, config.reportJson, config.reportMarkdown, writeFile);
    try {
      await deps.summary.addRaw(renderShardSummary(results)).write();
    } catch (error: unknown) {
      deps.log.warning(`could not write the job summary: ${describeError(error)}`);
    }
    deps.log.info(
      `shard ${config.shard.index}/${config.shard.count}: ${results.shard?.assigned.length ?? 0} benchmark(s) of the suite measured; this job neither comments nor stores, and its report covers only its slice: the 'mode: merge' job compares, comments, gates and stores the whole suite`,
    );
    return { report, results, exitCode: 0, failure: null, commentUrl: null };
  }
  return publishAndStore(config, deps, report, results, true);
}

/**
 * The end of a run that one job (or the merge of shard jobs) compared: the report files, the job
 * summary, annotations, comment and outputs, then the baseline on `save-on` pushes when `save`
 * is true, then the gate.
 */
async function publishAndStore(config: Config, deps: BenchgateDeps, report: Report, results: Results, save: boolean): Promise<BenchgateOutcome> {
  const writeFile = deps.writeFile ?? writeFileAtomically;
  const { context } = deps.event;
  // Only a run that one job compared (not a partial merge of shards) is stored on a save-on push.
  const pushBranch = save ? savedBranch(config, deps) : null;
  const push = pushBranch === null ? null : { branch: pushBranch };
  // A first push has nothing stored to compare with, so its summary is the plain first-run one.
  const summaryMarkdown = await writeReportFiles(report, config.reportJson, config.reportMarkdown, writeFile, report.baseline === null ? null : push);
  const published = await publishReport(
    { octokit: deps.octokit, core: deps.core, summary: deps.summary },
    {
      report,
      commentBody: renderCommentBody(report, config, commentLinks(report, config, deps)),
      summaryMarkdown,
      marker: commentMarker(report.benchmarkSet),
      commentOn: config.commentOn,
      context,
      reportJson: config.reportJson,
      reportMarkdown: config.reportMarkdown,
    },
  );
  if (push === null) {
    deps.log.info(
      !save
        ? 'not saving a baseline: the shard results are incomplete'
        : `not saving a baseline on ${context.eventName} of ${deps.event.ref ?? 'an unknown ref'} (save-on: ${config.saveOn.join(', ') || 'the default branch'})`,
    );
  } else {
    const saved = await saveBaseline(config, deps, results, { branch: push.branch, regression: report.summary.gated.regressed > 0 });
    await commentOnPush(config, deps, report, push);
    if (saved) await reportHistory(config, deps, push.branch);
  }
  return { report, results, exitCode: gateExitCode(report), failure: describeGateFailure(report), commentUrl: published.comment?.url ?? null };
}

/**
 * The comment: the rendered report with at most `max-chart-points` bars, and the workflow's
 * `alert-comment-cc-users` mentioned when a gated benchmark regressed (from the config, never
 * from the report, which in `mode: comment` comes from another job).
 * @param report the report
 * @param config the chart bound and the users to mention
 * @param links benchmark id → its page on the published dashboard (input `dashboard`); empty for none
 */
export function renderCommentBody(
  report: Report,
  config: Pick<Config, 'alertCommentCcUsers' | 'maxChartPoints'>,
  links: ReadonlyMap<string, string> = new Map(),
): string {
  const mentions = renderMentions(report, config.alertCommentCcUsers);
  return renderComment(report, { maxLength: MAX_COMMENT_LENGTH - mentions.length, maxPlotRows: config.maxChartPoints, links }) + mentions;
}

/**
 * Where the published dashboard is served: `dashboard-url`, else the GitHub Pages address of the
 * repository's folder `dashboard`. Null when `dashboard` is off or the repository is unknown.
 * @param config `dashboard` and `dashboard-url`
 * @param repository `owner/repo`
 */
export function dashboardBaseUrl(config: Pick<Config, 'dashboard' | 'dashboardUrl'>, repository: string): string | null {
  if (!config.dashboard) return null;
  if (config.dashboardUrl !== null) return config.dashboardUrl;
  try {
    return githubPagesUrl(repository, DASHBOARD_FOLDER);
  } catch {
    return null;
  }
}

/** The folder of the data branch the action publishes the dashboard to. */
export const DASHBOARD_FOLDER = 'dashboard';

/**
 * The dashboard links of a pull request comment: the page of each benchmark with a gated
 * regression on the published dashboard, showing the history of the branch it was compared with.
 * Empty when `dashboard` is off or the base branch is unknown.
 * @param report the report
 * @param config `dashboard`, `dashboard-url` and the benchmark set
 * @param deps the event (repository and base branch)
 * @returns benchmark id → URL
 */
export function commentLinks(
  report: Report,
  config: Pick<Config, 'dashboard' | 'dashboardUrl' | 'benchmarkSet'>,
  deps: Pick<BenchgateDeps, 'event'>,
): Map<string, string> {
  const links = new Map<string, string>();
  const { context } = deps.event;
  const base = dashboardBaseUrl(config, `${context.owner}/${context.repo}`);
  const branch = report.baselineChoice?.branch ?? context.baseRef;
  if (base === null || !branch) return links;
  for (const comparison of report.comparisons) {
    if (comparison.gate && comparison.verdict === 'regressed' && !links.has(comparison.id))
      links.set(comparison.id, dashboardUrl(base, config.benchmarkSet, branch, comparison.id));
  }
  return links;
}

/** The workflow run's address, from the runner's variables; null outside Actions. */
function runUrlOf(env: Record<string, string | undefined>): string | null {
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: id } = env;
  return repository && id ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}/actions/runs/${id}` : null;
}

/** Under `comment-on-push`, comments on the pushed commit: the report, saying what the push was compared with. */
async function commentOnPush(config: Config, deps: BenchgateDeps, report: Report, push: PushContext): Promise<void> {
  if (!shouldCommentOnPush(report, config.commentOnPush)) return;
  const { owner, repo, headSha } = deps.event.context;
  if (deps.octokit === null) {
    deps.log.warning(`no commit comment on ${headSha.slice(0, 7)} (comment-on-push: ${config.commentOnPush}): there is no github-token`);
    return;
  }
  const body = renderCommitComment(report, push, { runUrl: runUrlOf(deps.env) });
  const outcome = await createCommitComment(deps.octokit, { owner, repo, sha: headSha, body, log: deps.log });
  if (outcome.action === 'created') deps.log.info(`commented on commit ${headSha.slice(0, 7)}: ${outcome.url}`);
}

/**
 * After a push stored its run on the data branch: the change points it revealed (job summary and,
 * under `comment-on-push`, commit comments) and, with `dashboard`, the rebuilt dashboard.
 * Needs the data branch in this repository; trouble is a warning.
 */
async function reportHistory(config: Config, deps: BenchgateDeps, branch: string): Promise<void> {
  if (config.baselineStore !== 'git-branch') return;
  if (config.dataRepository !== null) {
    deps.log.info('change points and the dashboard read the data branch of this repository; with data-repository they are skipped');
    return;
  }
  const { owner, repo, headSha } = deps.event.context;
  const server = deps.env.GITHUB_SERVER_URL || 'https://github.com';
  const base = dashboardBaseUrl(config, `${owner}/${repo}`);
  const octokit = deps.octokit;
  const afterPush = deps.reportHistoryAfterPush ?? reportHistoryAfterPush;
  try {
    await afterPush(
      {
        workspace: deps.cwd,
        dataBranch: config.dataBranch,
        benchmarkSet: config.benchmarkSet,
        branch,
        commit: headSha,
        commitUrl: `${server}/${owner}/${repo}/commit/{commit}`,
        commentOnCommit: config.commentOnPush !== 'never' && octokit !== null,
        dashboard: base === null ? null : { folder: DASHBOARD_FOLDER, url: base },
        token: null,
      },
      {
        log: deps.log,
        appendSummary: async (markdown) => {
          await deps.summary.addRaw(markdown).write();
        },
        createCommitComment: async (sha, body) => {
          if (octokit !== null) await createCommitComment(octokit, { owner, repo, sha, body, log: deps.log });
        },
        ...(deps.git ? { git: deps.git } : {}),
      },
    );
  } catch (error: unknown) {
    deps.log.warning(`could not report the stored history after the push: ${describeError(error)}`);
  }
}

/**
 * Finds and reads the results files a glob names, sorted.
 * @param pattern the glob, relative to `cwd`
 * @param cwd the workspace
 * @returns each file (as the glob found it, relative to `cwd`) and its validated results
 * @throws ConfigError when the glob matches no file; FormatError naming a file that is not a results file
 */
export async function readShardFiles(pattern: string, cwd: string): Promise<ShardFile[]> {
  const found: string[] = [];
  for await (const file of glob(pattern, { cwd })) found.push(file);
  if (found.length === 0) throw new ConfigError(`no results file matches '${pattern}' (in ${cwd})`);
  found.sort();
  const files: ShardFile[] = [];
  for (const file of found) files.push({ file, results: await readResults(path.resolve(cwd, file)) });
  return files;
}

/**
 * Compares a merge of shard jobs as one job would: the same-runner design compares the merged
 * base and head round by round (Holm's family is the whole suite); the stored design compares the
 * merged results with the stored baseline. The report records the shards, what was wrong with the
 * set, and the shards whose machine differs from the first one's.
 * @param config the compare and gate settings
 * @param merge from `mergeShards`
 * @param stored loads the stored baseline (stored design only)
 */
export async function compareMergedShards(
  config: PairedConfig & Pick<Config, 'fingerprintMismatch' | 'failThreshold'>,
  merge: ShardMerge,
  stored: () => Promise<{ loaded: LoadedBaseline | null; baseBranch: string | null; reproduce: string }>,
): Promise<Report> {
  const first = merge.environments[0];
  const environments = merge.environments.flatMap(({ index, environment }) => {
    const differences = first === undefined || index === first.index ? [] : diffFingerprints(first.environment, environment, config.fingerprintMismatch);
    return differences.length > 0 ? [{ index, differences }] : [];
  });
  const shards = { count: merge.count, merged: merge.merged, problems: merge.problems, environments };
  let report: Report;
  if (merge.design === 'same-runner' && merge.base !== null) {
    const options = await readCompareOptions(config, [], merge.results.tool);
    // Adaptive shards stopped by a sequential rule; its per-look level (Pocock: the same at every look) is the honest one here.
    const auto = merge.settings.runs === 'auto';
    const looks = maxLooks(DEFAULT_AUTO_ROUNDS_OPTIONS);
    const comparisons = comparePaired(merge.base, merge.results, options, auto ? { index: looks, max: looks } : undefined);
    const { baseBranch } = await stored();
    const baseCommit = merge.base.commit ?? '';
    report = createReport({
      benchmarkSet: config.benchmarkSet,
      baseline: merge.base,
      baselineChoice: {
        method: 'same-runner',
        commit: merge.base.commit,
        date: merge.base.createdAt,
        branch: baseBranch,
        description: `same-runner A/B in ${merge.count} shards: the base ${baseCommit.slice(0, 7)} measured with the current commit in interleaved rounds, each shard on its own runner`,
        historyRuns: 0,
      },
      current: merge.results,
      options,
      comparisons,
      gate: { failOn: config.failOn, fingerprintMismatch: config.fingerprintMismatch, failThreshold: config.failThreshold },
      reproduce: describeAbReproduction(config, baseCommit, merge.results.commit),
    });
  } else {
    const { loaded, reproduce } = await stored();
    report = await buildReport(config, {
      baseline: loaded?.results ?? null,
      baselineChoice: loaded?.choice ?? null,
      history: loaded?.history ?? [],
      current: merge.results,
      reproduce,
    });
  }
  if (merge.problems.length === 0) return { ...report, shards };
  // An incomplete merge fails the gate (whatever the partial comparisons say), so the comment, the outputs and the exit status agree;
  // src/report names the missing, duplicated or refused shards from `shards.problems`.
  return { ...report, shards, gate: { ...report.gate, failed: true } };
}

/**
 * `mode: merge`: reads the shard jobs' results files (`results-files`), checks that every shard of
 * the run is there once, merges them, and then compares, comments, gates and stores exactly as
 * one job would. A missing, duplicated or mismatched shard fails the run with a message naming
 * it; the partial results are still compared and reported (and never stored).
 */
async function mergeShardJobs(config: Config, deps: BenchgateDeps): Promise<BenchgateOutcome> {
  if (config.resultsFiles === null) throw new ConfigError("input 'results-files' is required with 'mode: merge': a glob of the shard jobs' results files");
  const files = await readShardFiles(config.resultsFiles, deps.cwd);
  let merge: ShardMerge;
  try {
    merge = mergeShards(files);
  } catch (error: unknown) {
    throw new ConfigError(`input 'results-files': ${describeError(error)}`);
  }
  const problems = describeShardProblems(merge.problems, merge.count);
  for (const problem of problems) deps.log.warning(problem);
  deps.log.info(`merged ${merge.merged.length} of ${merge.count} shard(s) (${merge.design} design): ${merge.results.benchmarks.length} benchmark(s)`);
  const writeFile = deps.writeFile ?? writeFileAtomically;
  await writeFile(config.output, `${JSON.stringify(merge.results, null, 2)}\n`);
  deps.core.setOutput('results-file', config.output);
  const report = await compareMergedShards({ ...config, runs: merge.settings.runs === 'auto' ? 'auto' : config.runs }, merge, async () => {
    const loaded = merge.design === 'stored' ? await loadBaseline(config, deps) : null;
    return { loaded, baseBranch: deps.event.context.baseRef, reproduce: describeReproduction(config, baselineSource(config, loaded), describeCli(deps.env)) };
  });
  // Partial results are reported (their gate failed), never stored: stored history must not lose benchmarks to a missing shard.
  return publishAndStore(config, deps, report, merge.results, problems.length === 0);
}

/** `mode: comment`: publishes a report made by an earlier job (a fork pull request's workflow). */
async function postStoredReport(config: Config, deps: BenchgateDeps): Promise<BenchgateOutcome> {
  if (config.reportFile === null) throw new Error("input 'report-file' is required with 'mode: comment'");
  const read = deps.readTextFile ?? ((file: string) => readFile(file, 'utf8'));
  let text: string;
  try {
    text = await read(config.reportFile);
  } catch (error: unknown) {
    throw new Error(`cannot read report file ${config.reportFile}: ${describeError(error)}`);
  }
  const report = parseReport(text, config.reportFile);
  const published = await publishReport(
    { octokit: deps.octokit, core: deps.core, summary: deps.summary },
    {
      report,
      commentBody: renderCommentBody(report, config, commentLinks(report, config, deps)),
      summaryMarkdown: renderSummary(report),
      marker: commentMarker(report.benchmarkSet),
      commentOn: config.commentOn,
      context: deps.event.context,
      reportJson: config.reportFile,
      reportMarkdown: '',
      annotate: false,
    },
  );
  return { report, results: null, exitCode: 0, failure: null, commentUrl: published.comment?.url ?? null };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Where a user finds the baseline this run compared with, for the reproduce command: the
 * baseline file, or the git commands that fetch the stored run from the data branch (of
 * `data-repository` when the data lives in another repository).
 * @param config the store settings and benchmark set
 * @param loaded the loaded baseline, or null when there was none
 */
export function baselineSource(
  config: Pick<Config, 'baselineStore' | 'baselineFile' | 'benchmarkSet' | 'dataBranch' | 'dataRepository'>,
  loaded: Pick<LoadedBaseline, 'choice'> | null,
): { file: string } | { fetch: string } | null {
  if (loaded === null) return null;
  if (config.baselineStore === 'file' && config.baselineFile) return { file: config.baselineFile };
  const { commit, branch } = loaded.choice;
  if (!commit || !branch) return null;
  const stored = `FETCH_HEAD:${branchFolder(config.benchmarkSet, branch)}/${commit}.json`;
  const remote = config.dataRepository === null ? 'origin' : shellWord(config.dataRepository);
  return { fetch: `git fetch ${remote} ${shellWord(config.dataBranch)} && git show ${shellWord(stored)} > baseline.json` };
}

async function loadBaseline(config: Config, deps: BenchgateDeps): Promise<LoadedBaseline | null> {
  const { context } = deps.event;
  const baseBranch = context.baseRef ?? context.headRef;
  if (!baseBranch) {
    deps.log.warning('cannot tell which branch to compare with (no pull request base and no pushed branch); comparing with nothing');
    return null;
  }
  try {
    const store = deps.createStore(config);
    return await store.load({ benchmarkSet: config.benchmarkSet, baseBranch, headCommit: context.headSha });
  } catch (error: unknown) {
    deps.log.warning(`could not load the baseline: ${describeError(error)}`);
    return null;
  }
}

/** The pushed branch when this run stores its results (a `save-on` push), else null. */
function savedBranch(config: Config, deps: BenchgateDeps): string | null {
  const { context, ref, defaultBranch } = deps.event;
  const save = shouldSave({ eventName: context.eventName, ref, defaultBranch, saveOn: config.saveOn });
  return save && context.headRef ? context.headRef : null;
}

/**
 * Stores this run on the pushed branch, marked as a regression in the index when a gated
 * comparison regressed against the previous stored run.
 * @returns true when the run was saved
 */
async function saveBaseline(config: Config, deps: BenchgateDeps, results: Results, target: { branch: string; regression: boolean }): Promise<boolean> {
  try {
    const store = deps.createStore(config);
    const outcome = await store.save(results, {
      benchmarkSet: config.benchmarkSet,
      branch: target.branch,
      commit: deps.event.context.headSha,
      regression: target.regression,
    });
    deps.log.info(
      outcome.state === 'saved'
        ? `baseline saved to ${outcome.location}${target.regression ? ' (marked as a regression in the index)' : ''}`
        : `baseline not saved: ${outcome.reason}`,
    );
    return outcome.state === 'saved';
  } catch (error: unknown) {
    deps.log.warning(`could not save the baseline (the results are kept in ${config.output}): ${describeError(error)}`);
    return false;
  }
}

/** The baseline choice recorded when the user names the baseline file on the command line. */
function explicitChoice(baseline: Results, file: string): BaselineChoice {
  return {
    method: 'explicit',
    commit: baseline.commit,
    date: baseline.createdAt,
    branch: null,
    description: `the file ${file}, given on the command line`,
    historyRuns: 0,
  };
}

/** The two files `benchgate compare` reads, as the user wrote them and resolved. */
export interface CompareFiles {
  /** As given on the command line (repeated in the reproduce command). */
  baseline: string;
  current: string;
  /** The same paths resolved against the working directory. */
  baselinePath: string;
  currentPath: string;
}

/** What `compareFiles` produced. */
export interface CompareOutcome {
  report: Report;
  /** `gateExitCode(report)`. */
  exitCode: 0 | 1;
  /** Files inside `--history` folders that were skipped (corrupt, not a stored run), one line each. */
  warnings: string[];
}

/**
 * `benchgate compare <baseline> <current>`: reads both sides (any supported format), compares
 * them, writes the report JSON and markdown, and takes the exit status from the report's gate,
 * so `--fail-on never` passes and `--fail-on inconclusive` fails on an inconclusive comparison.
 * @param config the compare settings, with `reportJson`/`reportMarkdown`/`configFile` already resolved
 * @param files the two paths
 * @param environment recorded for files that do not describe their machine
 * @param writeFile how to write the report files
 */
export async function compareFiles(
  config: Config,
  files: CompareFiles,
  environment: Environment,
  writeFile: FileWriter = writeFileAtomically,
): Promise<CompareOutcome> {
  const baseline = await loadResults(files.baselinePath, config.tool, environment);
  const current = await loadResults(files.currentPath, config.tool, environment);
  const history = config.history.length > 0 ? await readHistory(config.history) : { history: [], files: [], warnings: [] };
  const words = [
    'npx',
    'benchgate',
    'compare',
    files.baseline,
    files.current,
    '--threshold',
    formatThreshold(config.threshold),
    '--alpha',
    String(config.alpha),
    '--seed',
    String(config.seed),
  ];
  if (config.tool !== 'auto') words.push('--tool', config.tool);
  if (config.failThreshold !== null) words.push('--fail-threshold', formatThreshold(config.failThreshold));
  if (config.failOn !== 'regression') words.push('--fail-on', config.failOn);
  if (config.configFile) words.push('--config', config.configFile);
  for (const given of config.history) words.push('--history', given);
  const report = await buildReport(config, {
    baseline,
    baselineChoice: { ...explicitChoice(baseline, files.baseline), historyRuns: history.history.length },
    history: history.history,
    current,
    reproduce: words.map(shellWord).join(' '),
  });
  await writeReportFiles(report, config.reportJson, config.reportMarkdown, writeFile);
  return { report, exitCode: gateExitCode(report), warnings: history.warnings };
}

/**
 * `benchgate run`: measures and writes the results file (with `--shard`, the shard's slice and identity).
 * @param config the measuring settings and `output` (already resolved against the cwd)
 * @param context where to run and what to record
 * @returns the results, and exit status 1 when a benchmark errored
 */
export async function runAndWrite(
  config: MeasureConfig & ShardSettingsConfig & Pick<Config, 'output'>,
  context: MeasureContext,
): Promise<{ results: Results; exitCode: 0 | 1 }> {
  const results = withShardIdentity(await measure(config, context), config, context.env, null);
  await writeResults(config.output, results);
  return { results, exitCode: results.benchmarks.some((benchmark) => benchmark.state === 'errored') ? 1 : 0 };
}

const SHARD_NEEDS_SUITES =
  "input 'shard' splits benchgate's own suites; it cannot split another tool's output ('output-file-path' or 'command'): give each matrix job its own 'benchmark-set' instead";

/** The settings a shard records: every shard of one run must have the same (`benchgate merge` checks them). */
export type ShardSettingsConfig = Pick<Config, 'tool' | 'suites' | 'filter' | 'time' | 'warmupTime' | 'runs' | 'benchmarkSet' | 'retainSamples'>;

/**
 * The measuring settings a shard records, which `benchgate merge` requires to be the same on
 * every shard of a run (the seed may differ: each shard shuffles its own slice).
 * @param config the run's settings
 * @example
 * shardSettings(config).suites // => 'benchmarks/**\/*.bench.{ts,mts,js,mjs}'
 */
export function shardSettings(config: ShardSettingsConfig): Shard['settings'] {
  return {
    tool: config.tool,
    suites: config.suites,
    filter: config.filter,
    time: config.time,
    warmupTime: config.warmupTime,
    runs: config.runs,
    retainSamples: config.retainSamples,
    benchmarkSet: config.benchmarkSet,
  };
}

/**
 * A shard job's results: the measured slice with the shard's identity (which shard, the workflow
 * run, the settings, every id it was assigned) and, in the same-runner design, the base side.
 * @param results the head's (or the only) results of the slice
 * @param config `shard` and the settings
 * @param env `GITHUB_RUN_ID` names the workflow run
 * @param base the same-runner design's base side, round-aligned with `results`; null in the stored design
 */
export function withShardIdentity(
  results: Results,
  config: ShardSettingsConfig & Pick<Config, 'shard'>,
  env: Record<string, string | undefined>,
  base: Results | null,
): Results {
  if (config.shard === null) return results;
  const ids = new Set(results.benchmarks.map((benchmark) => benchmark.id));
  for (const benchmark of base?.benchmarks ?? []) ids.add(benchmark.id);
  return {
    ...results,
    shard: {
      index: config.shard.index,
      count: config.shard.count,
      runId: env.GITHUB_RUN_ID || null,
      design: base === null ? 'stored' : 'same-runner',
      settings: shardSettings(config),
      assigned: [...ids].sort(),
      ...(base === null ? {} : { base: withoutShard(base) }),
    },
  };
}

/** The results header and benchmarks, without a shard identity. */
function withoutShard(results: Results): ResultsCore {
  const { shard: _shard, ...core } = results;
  return core;
}

/** The settings the same-runner design reads. */
export type PairedConfig = Pick<
  Config,
  | 'suites'
  | 'time'
  | 'warmupTime'
  | 'retainSamples'
  | 'filter'
  | 'runTimeout'
  | 'seed'
  | 'runs'
  | 'maxTime'
  | 'setup'
  | 'command'
  | 'outputFilePath'
  | 'tool'
  | 'githubToken'
  | 'passEnv'
  | 'threshold'
  | 'alpha'
  | 'interval'
  | 'fingerprintMismatch'
  | 'configFile'
  | 'benchmarkSet'
  | 'failOn'
  | 'failThreshold'
  | 'shard'
>;

/**
 * The rounds of the same-runner design: `runs: N` is N rounds; `auto` is adaptive, bounded by
 * `max-time`, with the runner's default minimum, batch and maximum.
 * @param config `runs` and `max-time` (ms)
 * @example
 * roundsPlan({ runs: 12, maxTime: 600000 }) // => { kind: 'fixed', rounds: 12 }
 */
export function roundsPlan(config: Pick<Config, 'runs' | 'maxTime'>): RoundsPlan {
  if (config.runs !== 'auto') return { kind: 'fixed', rounds: config.runs };
  return { kind: 'auto', ...DEFAULT_AUTO_ROUNDS_OPTIONS, maxTimeMs: config.maxTime };
}

/**
 * What each side runs per round: the suites, or the `command` whose output `output-file-path` names.
 * @param config the measuring settings
 * @throws ConfigError when `command` is set without `output-file-path`
 */
export function pairedMode(config: PairedConfig): PairedMode {
  if (config.command !== null) {
    if (config.shard !== null) throw new ConfigError(SHARD_NEEDS_SUITES);
    if (config.outputFilePath === null)
      throw new ConfigError("input 'command' needs 'output-file-path': the file or folder the command writes, relative to the tree");
    return { kind: 'command', command: config.command, outputFilePath: config.outputFilePath, timeout: config.runTimeout };
  }
  return {
    kind: 'suites',
    suites: config.suites,
    time: config.time,
    warmupTime: config.warmupTime,
    retainSamples: config.retainSamples,
    filter: config.filter,
    runTimeout: config.runTimeout,
    shard: config.shard,
  };
}

/** Where and how to measure both sides, beside the config. */
export interface PairedContext {
  /** The head's working folder. */
  cwd: string;
  /** The parent's environment (children get it scrubbed). */
  env: Record<string, string | undefined>;
  environment: Environment;
  log: PipelineLog;
  base: BaseSource;
  head: { kind: 'workspace'; commit: string | null } | { kind: 'commit'; commit: string };
  refs: { base: string | null; head: string | null };
  /** The PR base branch, for the report. */
  baseBranch: string | null;
  git: GitRunner;
  tempDir: string;
  signals?: SignalHooks;
}

/** A same-runner measurement and its report. */
export interface PairedOutcome {
  measurement: PairedMeasurement;
  report: Report;
}

/**
 * The same-runner design: measures the base and the head interleaved in this job (adaptive
 * rounds ask `comparePaired` after each batch), then compares them round by round and builds
 * the report, whose baseline choice says `same-runner` with the base commit.
 * @param config the measuring, compare and gate settings
 * @param context where, which commits, git and log
 * @throws BaseUnusableError when the base cannot be measured (the action falls back to stored)
 * @throws RunnerError when the head cannot be measured
 */
export async function measureAndComparePaired(config: PairedConfig, context: PairedContext): Promise<PairedOutcome> {
  const mode = pairedMode(config);
  const plan = roundsPlan(config);
  const options = await readCompareOptions(config, [], mode.kind === 'suites' ? 'benchgate' : config.tool);
  const compareLook = (base: Results, head: Results, look: Look | null) => comparePaired(base, head, options, look ?? undefined);
  const measurement = await measurePaired(
    {
      workspace: context.cwd,
      base: context.base,
      head: context.head,
      setup: config.setup,
      setupTimeout: config.runTimeout,
      tempDir: context.tempDir,
      mode,
      plan,
      seed: config.seed,
      env: context.env,
      token: config.githubToken || null,
      passEnv: config.passEnv,
    },
    { base: { ref: context.refs.base }, head: { ref: context.refs.head, commit: null }, environment: context.environment },
    {
      git: context.git,
      findMergeBase: (head, branch) => findMergeBase(context.git, { workspace: context.cwd, remote: 'origin', log: context.log }, head, branch),
      log: context.log,
      decide: (base, head, look) => {
        const undecided = undecidedGatedIds(compareLook(base, head, look));
        return { done: undecided.length === 0, undecided };
      },
      readOutput: (file) => parseToolOutput(file, config.tool, { environment: context.environment }),
      ...(context.signals ? { signals: context.signals } : {}),
    },
  );
  const lastLook = plan.kind === 'auto' ? { index: measurement.looks, max: maxLooks(plan), rounds: measurement.rounds } : null;
  const comparisons = compareLook(measurement.base, measurement.head, lastLook);
  const stopped =
    measurement.stop === 'fixed'
      ? ''
      : measurement.stop === 'decided'
        ? ', stopped when every gated comparison was decided'
        : measurement.stop === 'max-rounds'
          ? `, stopped at the most rounds (${measurement.rounds})`
          : ', stopped at max-time';
  const baseName =
    context.base.kind === 'merge-base'
      ? `the merge base ${measurement.baseCommit.slice(0, 7)} of ${context.base.baseBranch}`
      : `${measurement.baseCommit.slice(0, 7)}`;
  const report = createReport({
    benchmarkSet: config.benchmarkSet,
    baseline: measurement.base,
    baselineChoice: {
      method: 'same-runner',
      commit: measurement.baseCommit,
      date: measurement.base.createdAt,
      branch: context.baseBranch,
      description: `same-runner A/B: ${baseName}, measured on this runner with the current commit in ${measurement.rounds} interleaved rounds${stopped}; setup: ${describeSetup(measurement.setup.base)}`,
      historyRuns: 0,
    },
    current: measurement.head,
    options,
    comparisons,
    gate: { failOn: config.failOn, fingerprintMismatch: config.fingerprintMismatch, failThreshold: config.failThreshold },
    reproduce: describeAbReproduction(config, measurement.baseCommit, context.head.kind === 'commit' ? context.head.commit : null),
  });
  return { measurement, report };
}

/**
 * The command that repeats a same-runner comparison locally: `benchgate ab` with the same base,
 * rounds, seed and settings.
 * @param config the settings
 * @param baseCommit the base that was measured
 * @param headCommit the head, or null for the working tree
 */
export function describeAbReproduction(config: PairedConfig, baseCommit: string, headCommit: string | null): string {
  const words = ['npx', 'benchgate', 'ab', baseCommit, ...(headCommit ? [headCommit] : []), '--runs', String(config.runs), '--seed', String(config.seed)];
  if (config.runs === 'auto') words.push('--max-time', String(config.maxTime / 1000));
  if (config.command !== null) words.push('--command', config.command, '--output-file-path', config.outputFilePath ?? '');
  else {
    if (config.suites !== DEFAULT_SUITES) words.push('--suites', config.suites);
    if (config.filter !== null) words.push('--filter', config.filter);
  }
  if (config.setup !== null) words.push('--setup', config.setup);
  words.push('--threshold', formatThreshold(config.threshold), '--alpha', String(config.alpha));
  if (config.failOn !== 'regression') words.push('--fail-on', config.failOn);
  return words.map(shellWord).join(' ');
}

/**
 * The action's same-runner path: measures the pull request's base here. Any reason the base
 * cannot be measured is a warning naming the cause, and null tells the caller to compare with
 * the stored baseline instead.
 */
async function measureBaseHere(config: Config, deps: BenchgateDeps): Promise<PairedOutcome | null> {
  const { context } = deps.event;
  const fallback = (why: string) => {
    deps.log.warning(`compare-with: base: ${why}; comparing with the stored baseline instead`);
    return null;
  };
  if (config.outputFilePath !== null && config.command === null) {
    if (config.compareWith === 'auto') {
      deps.log.info("compare-with: auto uses the stored baseline: 'output-file-path' without 'command' gives no way to measure the base");
      return null;
    }
    return fallback("'output-file-path' without 'command' gives no way to measure the base");
  }
  if (context.baseRef === null) return fallback('this event has no pull request base branch');
  const git = deps.git ?? runGit;
  let head: string;
  try {
    head = (await git(['rev-parse', 'HEAD'], { cwd: deps.cwd })).toString('utf8').trim();
  } catch (error: unknown) {
    return fallback(`the workspace is not a git checkout (${describeError(error)})`);
  }
  if (head !== context.headSha) deps.log.info(`measuring the checked-out commit ${head.slice(0, 7)} (the pull request head is ${context.headSha.slice(0, 7)})`);
  try {
    return await measureAndComparePaired(config, {
      cwd: deps.cwd,
      env: deps.env,
      environment: deps.environment,
      log: deps.log,
      base: { kind: 'merge-base', headCommit: head, baseBranch: context.baseRef },
      head: { kind: 'workspace', commit: head },
      refs: { base: `refs/heads/${context.baseRef}`, head: deps.event.ref },
      baseBranch: context.baseRef,
      git,
      tempDir: deps.tempDir ?? deps.env.RUNNER_TEMP ?? os.tmpdir(),
      ...(deps.signals ? { signals: deps.signals } : {}),
    });
  } catch (error: unknown) {
    if (error instanceof BaseUnusableError) return fallback(`${error.message} (${error.reason})`);
    throw error;
  }
}
