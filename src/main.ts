import * as core from '@actions/core';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildConfig } from './config/config.ts';
import { writeResults } from './results/read-results.ts';
import { describeCheckout } from './runner/describe-checkout.ts';
import { collectEnvironment } from './runner/environment.ts';
import { runSuites } from './runner/run-suites.ts';

/**
 * The action: run the suites, write the results file, set the `results-file` output.
 * Every error ends here as `setFailed` with its message.
 */
export async function run(): Promise<void> {
  try {
    const cwd = process.cwd();
    const config = buildConfig((name) => core.getInput(name), randomInt(0, 2 ** 31), (file) => existsSync(file));
    const results = await runSuites(
      {
        suites: config.suites,
        runs: config.runs,
        time: config.time,
        warmupTime: config.warmupTime,
        retainSamples: config.retainSamples,
        filter: config.filter,
        runTimeout: config.runTimeout,
        seed: config.seed,
        cwd,
        env: process.env,
      },
      { ...describeCheckout(cwd, process.env), environment: collectEnvironment(process.env) },
      { info: core.info, startGroup: core.startGroup, endGroup: core.endGroup },
    );
    await writeResults(config.output, results);
    core.setOutput('results-file', path.resolve(config.output));
    const errored = results.benchmarks.filter((b) => b.state === 'errored');
    if (errored.length > 0) core.setFailed(`${errored.length} benchmark(s) errored: ${errored.map((b) => b.id).join(', ')}`);
  } catch (error: unknown) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
