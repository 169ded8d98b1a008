import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runGit, type GitRunner } from './baseline/run-git.ts';
import type { CliCommand } from './cli-command.ts';
import { analyzeHistory, DEFAULT_DETECT_OPTIONS, type AnalyzedSeries, type BranchHistory, type DetectOptions } from './history/index.ts';
import { checkoutDataBranch } from './history-io/checkout-data-branch.ts';
import { readDataFolder } from './history-io/read-data-folder.ts';
import { renderHistoryText } from './report/render-history.ts';

/** Where a command writes: stdout and stderr in the CLI, buffers in tests. */
export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The usage line of `benchgate history`. */
export const HISTORY_USAGE = 'benchgate history [<data-folder>] [--set S] [--branch B] [--json FILE] [--data-branch NAME] [--alpha 0.01] [--seed N]';

/** A bad flag or a missing set or branch: the CLI prints it with the usage and exits 2. */
export class HistoryUsageError extends Error {
  override name = 'HistoryUsageError';
}

/** The `--json` document of `benchgate history`. */
export interface HistoryJson {
  schema: 'benchgate/history@1';
  benchmarkSet: string;
  branch: string;
  detection: DetectOptions;
  series: {
    benchmark: string;
    metric: string;
    unit: string;
    direction: string;
    jobs: number;
    changePoints: AnalyzedSeries['changePoints'];
    environmentChanges: { index: number; commit: string }[];
  }[];
  warnings: string[];
}

/**
 * Parses the detection flags shared by `history` and `dashboard`.
 * @throws HistoryUsageError naming the flag
 */
export function parseDetectFlags(values: { alpha?: string | undefined; seed?: string | undefined }): DetectOptions {
  const detection = { ...DEFAULT_DETECT_OPTIONS };
  if (values.alpha !== undefined) {
    const alpha = Number(values.alpha);
    if (!(alpha >= 0.005 && alpha < 1)) throw new HistoryUsageError(`--alpha must be in [0.005, 1), got '${values.alpha}'`);
    detection.alpha = alpha;
  }
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed)) throw new HistoryUsageError(`--seed must be a non-negative integer, got '${values.seed}'`);
    detection.seed = Number(values.seed);
  }
  return detection;
}

/**
 * `benchgate history`: reads a checkout of the data branch (or fetches the data branch from
 * `origin` into a temporary folder when no folder is given), picks one set and branch (defaults:
 * the only set; the remote's default branch, else `main`, else the only branch), and prints each
 * benchmark metric's change points. `--json FILE` writes them for scripts.
 * @param args the words after `history`
 * @param cwd the directory paths are relative to (and the repository to fetch from)
 * @param io where to print
 * @param git the git runner, for tests
 * @returns the exit code: 0, or 2 for bad usage or input
 */
export async function historyCommand(args: readonly string[], cwd: string, io: CommandIo, git: GitRunner = runGit): Promise<number> {
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        set: { type: 'string' },
        branch: { type: 'string' },
        json: { type: 'string' },
        'data-branch': { type: 'string' },
        alpha: { type: 'string' },
        seed: { type: 'string' },
      },
    });
  } catch (error: unknown) {
    io.err(`benchgate history: ${(error as Error).message}\nusage: ${HISTORY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    if (positionals.length > 1) throw new HistoryUsageError(`expected at most one data folder, got ${positionals.length}: ${positionals.join(' ')}`);
    const detection = parseDetectFlags(values);
    const checkout =
      positionals[0] === undefined ? await checkoutDataBranch({ workspace: cwd, dataBranch: values['data-branch'] ?? 'benchgate-data' }, git) : null;
    try {
      const folder = checkout?.folder ?? path.resolve(cwd, positionals[0]!);
      const all = await readDataFolder(folder);
      const history = await chooseHistory(all.histories, values.set ?? null, values.branch ?? null, cwd, git);
      for (const warning of all.warnings) io.err(`warning: ${warning}`);
      const analyzed = analyzeHistory([history], detection);
      io.out(renderHistoryText(analyzed, `set '${history.benchmarkSet}', branch '${history.branch}'`, detection));
      if (values.json !== undefined) {
        const document: HistoryJson = {
          schema: 'benchgate/history@1',
          benchmarkSet: history.benchmarkSet,
          branch: history.branch,
          detection,
          series: analyzed.map(({ series, changePoints, environmentChanges }) => ({
            benchmark: series.benchmark,
            metric: series.metric,
            unit: series.unit,
            direction: series.direction,
            jobs: series.points.length,
            changePoints,
            environmentChanges: environmentChanges.map((index) => ({ index, commit: series.points[index]!.commit })),
          })),
          warnings: all.warnings,
        };
        const file = path.resolve(cwd, values.json);
        await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
        io.out(`\nwrote ${file}`);
      }
      return 0;
    } finally {
      await checkout?.close();
    }
  } catch (error: unknown) {
    if (error instanceof HistoryUsageError) {
      io.err(`benchgate history: ${error.message}\nusage: ${HISTORY_USAGE}`);
      return 2;
    }
    io.err(`benchgate history: ${(error as Error).message}`);
    return 2;
  }
}

/**
 * Picks the set and branch to show: the one asked for, else the only set, and the remote's
 * default branch, else `main`, else the only branch.
 * @throws HistoryUsageError listing what there is when the choice is missing or ambiguous
 */
async function chooseHistory(
  histories: readonly BranchHistory[],
  set: string | null,
  branch: string | null,
  cwd: string,
  git: GitRunner,
): Promise<BranchHistory> {
  const sets = [...new Set(histories.map((history) => history.benchmarkSet))];
  if (sets.length === 0) throw new HistoryUsageError('the data folder holds no stored runs (<set>/<branch>/<commit>.json)');
  const chosenSet = set ?? (sets.length === 1 ? sets[0]! : null);
  if (chosenSet === null)
    throw new HistoryUsageError(`the data folder holds several benchmark sets; choose one with --set: ${sets.map((name) => `'${name}'`).join(', ')}`);
  const inSet = histories.filter((history) => history.benchmarkSet === chosenSet);
  if (inSet.length === 0)
    throw new HistoryUsageError(`no benchmark set '${chosenSet}' in the data folder; there is ${sets.map((name) => `'${name}'`).join(', ')}`);
  const branches = inSet.map((history) => history.branch);
  let chosen = branch;
  if (chosen === null) {
    const remoteDefault = await defaultBranch(cwd, git);
    chosen = [remoteDefault, 'main'].find((name) => name !== null && branches.includes(name)) ?? (branches.length === 1 ? branches[0]! : null);
  }
  if (chosen === null)
    throw new HistoryUsageError(
      `set '${chosenSet}' has several branches and none is the default; choose one with --branch: ${branches.map((name) => `'${name}'`).join(', ')}`,
    );
  const found = inSet.find((history) => history.branch === chosen);
  if (!found) throw new HistoryUsageError(`no branch '${chosen}' in set '${chosenSet}'; there is ${branches.map((name) => `'${name}'`).join(', ')}`);
  return found;
}

/** The remote's default branch from `refs/remotes/origin/HEAD`, or null when unknown. */
async function defaultBranch(cwd: string, git: GitRunner): Promise<string | null> {
  try {
    const ref = (await git(['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], { cwd })).toString('utf8').trim();
    return ref.replace(/^refs\/remotes\/origin\//, '') || null;
  } catch {
    return null;
  }
}

/** `benchgate history` in the CLI's command table (it parses its own words). */
export const historyCliCommand: CliCommand = {
  name: 'history',
  summary: 'Change points in the stored history of a benchmark set and branch (data branch checkout, or fetched from origin).',
  positionals: [],
  flags: [],
  usage: HISTORY_USAGE,
  notes: [
    'Without <data-folder>, the data branch (--data-branch, default benchgate-data) is fetched from origin into a temporary folder.',
    '--set and --branch default to the only set, and to the remote default branch, main, or the only branch.',
    '--json FILE writes the change points for scripts; --alpha (default 0.01) and --seed (default 1) set the permutation test.',
  ],
  run: ({ positionals }, context) => historyCommand(positionals, context.cwd, { out: context.print, err: context.printError }),
  runArgs: (args, context) => historyCommand(args, context.cwd, { out: context.print, err: context.printError }),
};
