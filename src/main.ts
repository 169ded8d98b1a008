import * as core from '@actions/core';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createBaselineStore } from './baseline/create-store.ts';
import { shouldSave } from './baseline/should-save.ts';
import type { LoadedBaseline } from './baseline/store.ts';
import { parseReport, type Report } from './compare/index.ts';
import { buildConfig, type Config } from './config/config.ts';
import {
  annotateRegressions,
  createOctokit,
  findPullRequestForSha,
  postReportComment,
  readPullRequestContext,
  writeJobSummary,
  writeOutputs,
  type PullRequestContext,
} from './github/index.ts';
import { buildReport, describeReproduction, measure, shellWord, writeReportFiles } from './pipeline.ts';
import { branchFolder } from './baseline/layout.ts';
import { describeGateFailure } from './report/describe-reason.ts';
import { commentMarker, renderComment } from './report/render-comment.ts';
import { writeResults } from './results/read-results.ts';
import type { Results } from './results/schema.ts';
import { collectEnvironment } from './runner/environment.ts';

const log = { info: core.info, warning: (message: string) => core.warning(message) };

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readEventPayload(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
}

function defaultBranchOf(payload: unknown): string | null {
  const branch = (payload as { repository?: { default_branch?: unknown } } | null)?.repository?.default_branch;
  return typeof branch === 'string' ? branch : null;
}

/** Posts (or updates) the sticky comment; every API trouble is a warning. */
async function comment(config: Config, context: PullRequestContext, report: Report, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (config.commentOn === 'never') return null;
  if (!config.githubToken) {
    core.warning("no 'github-token': skipping the pull request comment (the job summary and report files are written)");
    return null;
  }
  const octokit = createOctokit({ token: config.githubToken, baseUrl: env.GITHUB_API_URL || undefined, log });
  let issueNumber = context.issueNumber;
  if (issueNumber === null) {
    try {
      issueNumber = await findPullRequestForSha(octokit, {
        owner: context.owner,
        repo: context.repo,
        sha: context.headSha,
        ...(context.headOwner ? { headOwner: context.headOwner } : {}),
        ...(context.headRef ? { headRef: context.headRef } : {}),
      });
    } catch (error: unknown) {
      core.warning(`could not find the pull request for ${context.headSha}: ${describeError(error)}`);
      return null;
    }
    if (issueNumber === null) {
      core.info(`no pull request has head ${context.headSha}; no comment`);
      return null;
    }
  }
  const result = await postReportComment(octokit, {
    owner: context.owner,
    repo: context.repo,
    issueNumber,
    marker: commentMarker(report.benchmarkSet),
    body: renderComment(report),
    commentOn: config.commentOn,
    hasChange: report.comparisons.some((c) => c.verdict !== 'unchanged'),
    isFork: context.isFork,
    log,
  });
  if (result.action !== 'failed') core.info(`comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
  return result.url;
}

/** `mode: comment`: posts a report made by an earlier job (a fork pull request's workflow). */
async function postStoredReport(config: Config, context: PullRequestContext, env: NodeJS.ProcessEnv): Promise<void> {
  if (!config.reportFile) throw new Error("input 'report-file' is required with 'mode: comment'");
  let text: string;
  try {
    text = await readFile(config.reportFile, 'utf8');
  } catch (error: unknown) {
    throw new Error(`cannot read report file ${config.reportFile}: ${describeError(error)}`);
  }
  const report: Report = parseReport(text, config.reportFile);
  const url = await comment(config, context, report, env);
  core.setOutput('comment-url', url ?? '');
}

/** Where a user finds the baseline this run compared with, for the reproduce command. */
function baselineSource(config: Config, loaded: LoadedBaseline | null): { file: string } | { fetch: string } | null {
  if (loaded === null) return null;
  if (config.baselineStore === 'file' && config.baselineFile) return { file: config.baselineFile };
  const { commit, branch } = loaded.choice;
  if (!commit || !branch) return null;
  const stored = `FETCH_HEAD:${branchFolder(config.benchmarkSet, branch)}/${commit}.json`;
  return { fetch: `git fetch origin ${shellWord(config.dataBranch)} && git show ${shellWord(stored)} > baseline.json` };
}

async function loadBaseline(config: Config, context: PullRequestContext, cwd: string): Promise<LoadedBaseline | null> {
  const baseBranch = context.baseRef ?? context.headRef;
  if (!baseBranch) {
    core.warning('cannot tell which branch to compare with (no pull request base and no pushed branch); comparing with nothing');
    return null;
  }
  try {
    const store = createBaselineStore(config, { workspace: cwd, log });
    return await store.load({ benchmarkSet: config.benchmarkSet, baseBranch, headCommit: context.headSha });
  } catch (error: unknown) {
    core.warning(`could not load the baseline: ${describeError(error)}`);
    return null;
  }
}

async function saveBaseline(config: Config, context: PullRequestContext, results: Results, cwd: string, env: NodeJS.ProcessEnv, payload: unknown): Promise<void> {
  const branch = context.headRef;
  const save = shouldSave({ eventName: context.eventName, ref: env.GITHUB_REF ?? null, defaultBranch: defaultBranchOf(payload), saveOn: config.saveOn });
  if (!save || !branch) {
    core.info(`not saving a baseline on ${context.eventName} of ${env.GITHUB_REF ?? 'an unknown ref'} (save-on: ${config.saveOn.join(', ') || 'the default branch'})`);
    return;
  }
  try {
    const store = createBaselineStore(config, { workspace: cwd, log });
    const outcome = await store.save(results, { benchmarkSet: config.benchmarkSet, branch, commit: context.headSha });
    core.info(outcome.state === 'saved' ? `baseline saved to ${outcome.location}` : `baseline not saved: ${outcome.reason}`);
  } catch (error: unknown) {
    core.warning(`could not save the baseline (the results are kept in ${config.output}): ${describeError(error)}`);
  }
}

/**
 * The action: run the suites (or read another tool's output) → load the baseline → compare →
 * write the reports → comment → save the baseline on `save-on` pushes → gate. One try/catch:
 * an unexpected error fails the step with its message; infrastructure trouble only warns.
 */
export async function run(): Promise<void> {
  try {
    const cwd = process.cwd();
    const env = process.env;
    const config = buildConfig((name) => core.getInput(name), randomInt(0, 2 ** 31), (file) => existsSync(file));
    const payload = await readEventPayload(env);
    const context = readPullRequestContext(payload, env);
    if (config.mode === 'comment') {
      await postStoredReport(config, context, env);
      return;
    }

    const results = await measure(config, {
      cwd,
      env,
      commit: context.headSha,
      ref: env.GITHUB_REF ?? null,
      environment: collectEnvironment(env),
      log: { info: core.info, startGroup: core.startGroup, endGroup: core.endGroup },
    });
    await writeResults(config.output, results);
    core.setOutput('results-file', path.resolve(config.output));
    core.info(`results written to ${config.output} (seed ${config.seed})`);

    const loaded = await loadBaseline(config, context, cwd);
    const report = await buildReport(config, {
      baseline: loaded?.results ?? null,
      baselineChoice: loaded?.choice ?? null,
      history: loaded?.history ?? [],
      current: results,
      reproduce: describeReproduction(config, baselineSource(config, loaded)),
    });
    const markdown = await writeReportFiles(report, config.reportJson, config.reportMarkdown);
    await writeJobSummary(core.summary, markdown).catch((error: unknown) => core.warning(`could not write the job summary: ${describeError(error)}`));
    annotateRegressions(core, report);

    const commentUrl = context.issueNumber !== null ? await comment(config, context, report, env) : null;
    writeOutputs(core, report, { reportJson: path.resolve(config.reportJson), reportMarkdown: path.resolve(config.reportMarkdown), commentUrl });
    await saveBaseline(config, context, results, cwd, env, payload);

    if (report.gate.failed) core.setFailed(describeGateFailure(report));
  } catch (error: unknown) {
    core.setFailed(describeError(error));
  }
}
