#!/usr/bin/env node
/**
 * `benchgate run` and `benchgate compare`: the action's stages behind a command line.
 * Exit codes: 0 success, 1 benchmark failure or regression, 2 bad usage or bad input.
 */
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareCommand } from './compare-command.ts';
import { measure } from './pipeline.ts';
import { CompareConfigError } from './compare/index.ts';
import { buildConfig, ConfigError } from './config/config.ts';
import { parseCliArgs } from './config/parse-cli-args.ts';
import { FormatError } from './formats/format-error.ts';
import { renderResultsTable } from './report/render-results-table.ts';
import { writeResults } from './results/read-results.ts';
import { describeCheckout } from './runner/describe-checkout.ts';
import { collectEnvironment } from './runner/environment.ts';
import { RunnerError } from './runner/runner-error.ts';

const USAGE = `usage:
  benchgate run [--suites GLOB] [--runs N] [--time MS] [--warmup-time MS] [--filter RE] [--out FILE] [--seed N] [--run-timeout S] [--retain-samples]
  benchgate compare <baseline> <current> [--threshold 5%] [--alpha 0.01] [--config FILE] [--json FILE] [--markdown FILE] [--seed N] [--tool NAME]`;

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<number> {
  try {
    const invocation = parseCliArgs(argv);
    if (invocation.command === 'help') {
      console.log(USAGE);
      return 0;
    }
    const inCwd = (file: string) => path.resolve(cwd, file);
    const parsed = buildConfig(invocation.input, randomInt(0, 2 ** 31), (file) => existsSync(inCwd(file)));
    // Every file the CLI reads or writes is relative to the cwd it was given, like the suites glob.
    const config = {
      ...parsed,
      output: inCwd(parsed.output),
      reportJson: inCwd(parsed.reportJson),
      reportMarkdown: inCwd(parsed.reportMarkdown),
      configFile: parsed.configFile === null ? null : inCwd(parsed.configFile),
    };
    if (invocation.command === 'run') {
      const results = await measure(config, {
        cwd,
        env,
        ...describeCheckout(cwd, env),
        environment: collectEnvironment(env),
        log: { info: (message) => console.error(message) },
      });
      await writeResults(config.output, results);
      console.log(renderResultsTable(results));
      console.log(`\nwrote ${config.output} · seed ${config.seed} (reproduce with --seed ${config.seed})`);
      return results.benchmarks.some((b) => b.state === 'errored') ? 1 : 0;
    }
    return await compareCommand(invocation.positionals[0]!, invocation.positionals[1]!, config, cwd);
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof CompareConfigError) {
      console.error(`benchgate: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof FormatError || error instanceof RunnerError) {
      console.error(`benchgate: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.cwd(), process.env);
}
