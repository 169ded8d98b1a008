/**
 * Builds stored histories for the history and dashboard tests and benchmarks: real
 * `benchgate/results@1` files written as the git store lays them out
 * (`<set>/<branch>/<commit>.json` and `index.json`), with seeded lognormal noise, steps and
 * runner-environment changes where asked.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { branchFolder, renderIndex, sortNewestFirst, toIndexEntry } from '../../src/baseline/layout.ts';
import type { StoredRun } from '../../src/history/types.ts';
import { RESULTS_SCHEMA, type Environment, type Results } from '../../src/results/schema.ts';
import { createRandom } from '../../src/stats/create-random.ts';
import { normalQuantile } from '../../src/stats/normal-quantile.ts';

/** One benchmark of a made-up history. */
export interface FakeBenchmark {
  id: string;
  /** Value around which jobs vary (ms). */
  level: number;
  /** Relative job-to-job spread (sd of log center). @default 0.02 */
  jobNoise?: number;
  /** Steps: from job `at` on, the level is multiplied by `factor`. */
  steps?: { at: number; factor: number }[];
  /** Extra metric names (each a copy of the time metric with its own noise). */
  extraMetrics?: string[];
}

/** A made-up history of one set and branch. */
export interface FakeHistoryOptions {
  jobs: number;
  benchmarks: FakeBenchmark[];
  /** Runs per job. @default 5 */
  runsPerJob?: number;
  /** From this job on, the runner image differs. @default none */
  environmentChangeAt?: number;
  seed?: number;
  /** ISO time of the first job; each next job is one hour later. @default 2026-01-01T00:00:00.000Z */
  start?: string;
}

const ENVIRONMENT: Environment = {
  cpuModel: 'AMD EPYC 7763 64-Core Processor',
  cores: 4,
  os: 'Linux 6.8.0',
  arch: 'x64',
  node: 'v24.11.0',
  runnerImage: 'ubuntu24/20260101.1',
};

/** A deterministic 40-hex commit SHA for job `index`. */
export function fakeCommit(index: number, salt = 0): string {
  const random = createRandom(index * 7919 + salt * 104729 + 1);
  return Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('');
}

/**
 * Makes the stored runs of one set and branch, oldest first.
 * @param options jobs, benchmarks, steps, environment change, seed
 */
export function makeRuns(options: FakeHistoryOptions): StoredRun[] {
  const random = createRandom(options.seed ?? 1);
  const start = Date.parse(options.start ?? '2026-01-01T00:00:00.000Z');
  const runs: StoredRun[] = [];
  for (let job = 0; job < options.jobs; job++) {
    const commit = fakeCommit(job, options.seed ?? 1);
    const environment =
      options.environmentChangeAt !== undefined && job >= options.environmentChangeAt ? { ...ENVIRONMENT, runnerImage: 'ubuntu24/20260301.7' } : ENVIRONMENT;
    const results: Results = {
      schema: RESULTS_SCHEMA,
      tool: 'benchgate',
      commit,
      ref: 'refs/heads/main',
      createdAt: new Date(start + job * 3_600_000).toISOString(),
      seed: job,
      environment,
      benchmarks: options.benchmarks.map((benchmark) => {
        const factor = (benchmark.steps ?? []).filter((step) => job >= step.at).reduce((product, step) => product * step.factor, 1);
        const metrics = ['time', ...(benchmark.extraMetrics ?? [])].map((name) => {
          const center = benchmark.level * factor * Math.exp((benchmark.jobNoise ?? 0.02) * normalQuantile(random()));
          const values = Array.from({ length: options.runsPerJob ?? 5 }, () => Number((center * Math.exp(0.01 * normalQuantile(random()))).toPrecision(9)));
          return { name, unit: 'ms', direction: 'smaller' as const, gate: true, observation: 'process' as const, runs: values };
        });
        return { id: benchmark.id, state: 'completed' as const, metrics };
      }),
    };
    runs.push({ path: `${commit}.json`, commit, results });
  }
  return runs;
}

/**
 * Writes runs into a data folder exactly as the git store does: one pretty JSON file per run and
 * the folder's index.
 * @returns the branch folder
 */
export async function writeDataFolder(root: string, benchmarkSet: string, branch: string, runs: readonly StoredRun[]): Promise<string> {
  const folder = path.join(root, ...branchFolder(benchmarkSet, branch).split('/'));
  await mkdir(folder, { recursive: true });
  const entries = [];
  for (const run of runs) {
    const file = `${run.commit}.json`;
    await writeFile(path.join(folder, file), `${JSON.stringify(run.results, null, 2)}\n`);
    entries.push(toIndexEntry(file, run.commit, run.results));
  }
  await writeFile(path.join(folder, 'index.json'), renderIndex(benchmarkSet, branch, sortNewestFirst(entries)));
  return folder;
}
