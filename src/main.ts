import * as core from '@actions/core';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createBaselineStore } from './baseline/create-store.ts';
import { buildConfig } from './config/config.ts';
import { createOctokit } from './github/create-octokit.ts';
import { registerToken } from './github/register-token.ts';
import { readPullRequestContext } from './github/pull-request-context.ts';
import { runBenchgate } from './pipeline.ts';
import { collectEnvironment } from './runner/environment.ts';

const log = {
  info: (message: string) => core.info(message),
  warning: (message: string) => core.warning(message),
  startGroup: (name: string) => core.startGroup(name),
  endGroup: () => core.endGroup(),
};

async function readEventPayload(env: NodeJS.ProcessEnv): Promise<unknown> {
  if (!env.GITHUB_EVENT_PATH) return {};
  return JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as unknown;
}

function defaultBranchOf(payload: unknown): string | null {
  const branch = (payload as { repository?: { default_branch?: unknown } } | null)?.repository?.default_branch;
  return typeof branch === 'string' ? branch : null;
}

/**
 * The action, a thin adapter: action inputs → config → `runBenchgate` → exit status from the
 * report's gate. Any error the pipeline throws (bad input, a suite that cannot run) fails the
 * step with its message.
 */
export async function run(): Promise<void> {
  try {
    const cwd = process.cwd();
    const env = process.env;
    const parsed = buildConfig(
      (name) => core.getInput(name),
      randomInt(0, 2 ** 31),
      (file) => existsSync(file),
    );
    // Masked in the log and redacted from every file, comment and output from here on.
    registerToken(core, parsed.githubToken);
    // The outputs name absolute paths, so later steps find the files whatever their working directory.
    const config = {
      ...parsed,
      output: path.resolve(cwd, parsed.output),
      reportJson: path.resolve(cwd, parsed.reportJson),
      reportMarkdown: path.resolve(cwd, parsed.reportMarkdown),
    };
    const payload = await readEventPayload(env);
    const outcome = await runBenchgate(config, {
      cwd,
      env,
      environment: collectEnvironment(env),
      event: { context: readPullRequestContext(payload, env), ref: env.GITHUB_REF ?? null, defaultBranch: defaultBranchOf(payload) },
      log,
      createStore: (settings) => createBaselineStore(settings, { workspace: cwd, log }),
      octokit: config.githubToken ? createOctokit({ token: config.githubToken, baseUrl: env.GITHUB_API_URL || undefined, log }) : null,
      core,
      summary: core.summary,
    });
    if (outcome.failure !== null) core.setFailed(outcome.failure);
  } catch (error: unknown) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
