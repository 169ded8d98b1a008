import path from 'node:path';
import type { CliCommand } from './cli-command.ts';
import { compareFiles } from './pipeline.ts';
import { renderTextTable } from './report/render-text-table.ts';
import { collectEnvironment } from './runner/environment.ts';

/**
 * `benchgate compare <baseline> <current>`: compares two results files (or any supported tool's
 * output), prints a plain-text table, writes the report JSON and markdown, and exits with the
 * report's gate: 1 when it failed, else 0. The two paths are relative to the working directory;
 * the reproduce command repeats them as given.
 */
export const compareCommand: CliCommand = {
  name: 'compare',
  summary: "Compare two results files (or another tool's output) and gate like the action: exit 1 when the gate fails.",
  positionals: ['<baseline>', '<current>'],
  flags: [
    'threshold',
    'fail-threshold',
    'alpha',
    'interval',
    'fail-on',
    'config',
    'tool',
    'seed',
    'benchmark-set',
    'report-json',
    'report-markdown',
    'history',
  ],
  defaults: { tool: 'auto' },
  async run({ config, positionals }, context) {
    const [baseline, current] = positionals as [string, string];
    const { report, exitCode, warnings } = await compareFiles(
      config,
      { baseline, current, baselinePath: path.resolve(context.cwd, baseline), currentPath: path.resolve(context.cwd, current) },
      collectEnvironment({}),
    );
    for (const warning of warnings) context.print(`warning: ${warning}`);
    context.print(renderTextTable(report));
    context.print(`\nwrote ${config.reportJson} and ${config.reportMarkdown}`);
    return exitCode;
  },
};
