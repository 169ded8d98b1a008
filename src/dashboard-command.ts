import path from 'node:path';
import { parseArgs } from 'node:util';
import { runGit, type GitRunner } from './baseline/run-git.ts';
import { buildSite } from './dashboard/build-site.ts';
import { commitUrlFromRemote } from './dashboard/commit-url.ts';
import { checkoutDataBranch } from './history-io/checkout-data-branch.ts';
import type { CliCommand } from './cli-command.ts';
import { HistoryUsageError, parseDetectFlags, type CommandIo } from './history-command.ts';

/** The usage line of `benchgate dashboard`. */
export const DASHBOARD_USAGE = 'benchgate dashboard [<data-folder>] --out DIR [--commit-url URL] [--data-branch NAME] [--alpha 0.01] [--seed N]';

/**
 * `benchgate dashboard`: builds the static dashboard of every set and branch in a checkout of the
 * data branch (fetched from `origin` into a temporary folder when no folder is given) into
 * `--out`. Commit links use `--commit-url` (`{commit}` marks the SHA), else the GitHub URL of
 * `origin` when it is one.
 * @param args the words after `dashboard`
 * @param cwd the directory paths are relative to (and the repository to fetch from)
 * @param io where to print
 * @param git the git runner, for tests
 * @returns the exit code: 0, or 2 for bad usage or input
 */
export async function dashboardCommand(args: readonly string[], cwd: string, io: CommandIo, git: GitRunner = runGit): Promise<number> {
  try {
    let parsed: { values: Record<string, string | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          'commit-url': { type: 'string' },
          'data-branch': { type: 'string' },
          alpha: { type: 'string' },
          seed: { type: 'string' },
        },
      });
    } catch (error: unknown) {
      throw new HistoryUsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.out === undefined) throw new HistoryUsageError('--out DIR is required: the folder to write the site to');
    if (positionals.length > 1) throw new HistoryUsageError(`expected at most one data folder, got ${positionals.length}: ${positionals.join(' ')}`);
    const commitUrl = values['commit-url'] ?? (await commitUrlFromRemote(cwd, git));
    if (commitUrl !== null && !/^https?:\/\/[^\s]*\{commit\}/.test(commitUrl))
      throw new HistoryUsageError(`--commit-url must be an http(s) URL containing {commit}, got '${commitUrl}'`);
    const detection = parseDetectFlags(values);
    const checkout =
      positionals[0] === undefined ? await checkoutDataBranch({ workspace: cwd, dataBranch: values['data-branch'] ?? 'benchgate-data' }, git) : null;
    try {
      const started = performance.now();
      const summary = await buildSite({
        dataFolder: checkout?.folder ?? path.resolve(cwd, positionals[0]!),
        outDir: path.resolve(cwd, values.out),
        commitUrl,
        detection,
      });
      for (const warning of summary.warnings) io.err(`warning: ${warning}`);
      const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
      io.out(
        `wrote ${path.resolve(cwd, values.out)}: ${summary.benchmarks} benchmark(s), ${summary.series} metric series, ${summary.changePoints} change point(s); ${summary.files.length} files, ${kib(summary.totalBytes)} in all, largest ${summary.largest.path} (${kib(summary.largest.bytes)}); ${Math.round(performance.now() - started)} ms`,
      );
      return 0;
    } finally {
      await checkout?.close();
    }
  } catch (error: unknown) {
    io.err(`benchgate dashboard: ${(error as Error).message}${error instanceof HistoryUsageError ? `\nusage: ${DASHBOARD_USAGE}` : ''}`);
    return 2;
  }
}

/** `benchgate dashboard` in the CLI's command table (it parses its own words). */
export const dashboardCliCommand: CliCommand = {
  name: 'dashboard',
  summary: 'Build the static history dashboard of every set and branch in a data branch checkout (or fetched from origin).',
  positionals: [],
  flags: [],
  usage: DASHBOARD_USAGE,
  notes: [
    '--out DIR must be new, empty, or a dashboard built before. Without <data-folder>, the data branch is fetched from origin.',
    "Commit links use --commit-url (with {commit}), else origin's GitHub URL.",
  ],
  run: ({ positionals }, context) => dashboardCommand(positionals, context.cwd, { out: context.print, err: context.printError }),
  runArgs: (args, context) => dashboardCommand(args, context.cwd, { out: context.print, err: context.printError }),
};
