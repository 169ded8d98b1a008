import type { CliCommand } from './cli-command.ts';
import { runAndWrite } from './pipeline.ts';
import { renderResultsTable } from './report/render-results-table.ts';
import { describeCheckout } from './runner/describe-checkout.ts';
import { collectEnvironment } from './runner/environment.ts';

/** `benchgate run`: runs the suites in fresh processes, prints a table, writes the results file. */
export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run the benchmark suites, each run in a fresh process; print a table and write the results file.',
  positionals: [],
  flags: ['suites', 'runs', 'time', 'warmup-time', 'filter', 'shard', 'output', 'seed', 'run-timeout', 'retain-samples'],
  notes: ["'--runs auto' means 10 here: adaptive rounds need the base commit measured beside the current one (the action's 'compare-with: base')."],
  async run({ config }, context) {
    const { results, exitCode } = await runAndWrite(config, {
      cwd: context.cwd,
      env: context.env,
      ...describeCheckout(context.cwd, context.env),
      environment: collectEnvironment(context.env),
      log: { info: context.printError },
    });
    context.print(renderResultsTable(results));
    context.print(`\nwrote ${config.output} · seed ${config.seed} (reproduce with --seed ${config.seed})`);
    return exitCode;
  },
};
