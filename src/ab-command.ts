import os from 'node:os';
import type { CliCommand } from './cli-command.ts';
import { ConfigError } from './config/config.ts';
import { runGit } from './baseline/run-git.ts';
import { writeResults } from './results/read-results.ts';
import { gateExitCode, measureAndComparePaired, withShardIdentity, writeReportFiles } from './pipeline.ts';
import { renderTextTable } from './report/render-text-table.ts';
import { BaseUnusableError } from './runner/base-unusable-error.ts';
import { collectEnvironment } from './runner/environment.ts';

/**
 * `benchgate ab <base-ref> [<head-ref>]`: the same-runner design on the command line. Checks the
 * base out in a temporary worktree (and the head too when given; else the head is the working
 * tree as it is), measures both interleaved in rounds, prints the same table as `compare`, writes
 * the report JSON and markdown, and exits with the report's gate: 0 pass, 1 fail, 2 bad usage or
 * input (including a base that cannot be measured).
 */
export const abCommand: CliCommand = {
  name: 'ab',
  summary:
    'Measure a base commit and the working tree (or a head commit) interleaved on this machine, compare them round by round, and gate: exit 1 when the gate fails.',
  positionals: ['<base-ref>', '[<head-ref>]'],
  flags: [
    'setup',
    'command',
    'output-file-path',
    'tool',
    'runs',
    'max-time',
    'suites',
    'filter',
    'shard',
    'time',
    'warmup-time',
    'run-timeout',
    'threshold',
    'alpha',
    'fail-on',
    'seed',
    'config',
    'benchmark-set',
    'report-json',
    'report-markdown',
    'output',
    'pass-env',
  ],
  notes: [
    'The base is the commit <base-ref> names (use `git merge-base main HEAD` to compare with a fork point).',
    "Without --setup, a base whose lockfile is byte-identical uses this checkout's node_modules; otherwise it gets the lockfile's clean install.",
    "With --shard i/n, only that slice is measured, and both sides' rounds are written to --output for 'benchgate merge'; the exit status is then 0 unless the run fails (the merged comparison gates).",
  ],
  async run({ config, positionals }, context) {
    const [baseRef, headRef] = positionals as [string, string | undefined];
    const resolve = async (ref: string): Promise<string> => {
      try {
        return (await runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: context.cwd })).toString('utf8').trim();
      } catch {
        throw new ConfigError(`'${ref}' is not a commit of the repository at ${context.cwd}`);
      }
    };
    const baseCommit = await resolve(baseRef);
    const headCommit = headRef === undefined ? null : await resolve(headRef);
    const workspaceHead = headCommit ?? (await resolve('HEAD').catch(() => null));
    const log = { info: context.printError, warning: (line: string) => context.printError(`warning: ${line}`) };
    try {
      const { report, measurement } = await measureAndComparePaired(config, {
        cwd: context.cwd,
        env: context.env,
        environment: collectEnvironment(context.env),
        log,
        base: { kind: 'commit', commit: baseCommit },
        head: headCommit === null ? { kind: 'workspace', commit: workspaceHead } : { kind: 'commit', commit: headCommit },
        refs: { base: baseRef, head: headRef ?? null },
        baseBranch: null,
        git: runGit,
        tempDir: os.tmpdir(),
      });
      await writeReportFiles(report, config.reportJson, config.reportMarkdown);
      if (config.shard !== null) {
        await writeResults(config.output, withShardIdentity(measurement.head, config, context.env, measurement.base));
        context.print(
          `shard ${config.shard.index}/${config.shard.count}: wrote both sides' rounds to ${config.output}; merge the shards with 'benchgate merge'`,
        );
      }
      context.print(renderTextTable(report));
      context.print(
        `\n${measurement.rounds} rounds (${measurement.measuringSeconds.toFixed(0)} s measuring) · base ${baseCommit.slice(0, 7)} · head ${headCommit?.slice(0, 7) ?? 'the working tree'} · seed ${config.seed}`,
      );
      context.print(`wrote ${config.reportJson} and ${config.reportMarkdown}`);
      return config.shard !== null ? 0 : gateExitCode(report);
    } catch (error: unknown) {
      // On the command line there is no stored baseline to fall back to: the base is bad input.
      if (error instanceof BaseUnusableError) throw new ConfigError(`the base ${baseRef} cannot be measured: ${error.message}`);
      throw error;
    }
  },
};
