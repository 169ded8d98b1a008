/**
 * One side of an A/A or A/B experiment: `slowdown.suite.ts` through `benchgate run` in its own
 * process, unchanged or slowed by `BENCHGATE_SLOWDOWN`, read back from the results file.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { readResults } from '../../src/results/read-results.ts';
import type { Results } from '../../src/results/schema.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SUITE = 'benchmarks/experiments/slowdown.suite.ts';

/** The B side: `scaled-a` ×1.2, `scaled-b` ×1.05, the third task unchanged. */
export const SLOWDOWN = 'scaled-a=1.2,scaled-b=1.05';

/**
 * @param file where `benchgate run` writes its results
 * @param slowdown `SLOWDOWN` for the B side, null for an unchanged side
 * @param cliArgs further `benchgate run` flags (runs, time, samples)
 */
export async function runSlowdownSuite(file: string, seed: number, slowdown: string | null, cliArgs: string[]): Promise<Results> {
  const env = { ...process.env };
  if (slowdown) env.BENCHGATE_SLOWDOWN = slowdown;
  else delete env.BENCHGATE_SLOWDOWN;
  await run(process.execPath, ['src/cli.ts', 'run', '--suites', SUITE, ...cliArgs, '--out', file, '--seed', String(seed)], {
    cwd: ROOT,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return readResults(file);
}
