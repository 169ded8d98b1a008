/**
 * Across jobs (issue 12): false alarms and detection when the baseline and the current results
 * come from two different jobs, with and without the job-to-job noise term's history.
 *
 * 1. Jobs. It runs `--jobs` jobs of the default suite (`benchgate run`, fresh processes, `--runs`
 *    runs each) and `--variant-jobs` jobs with `BENCHGATE_VARIANT=layout=inline-error` (about 20%
 *    throughput loss on `layout/ddsplit-replay`), in a shuffled order. Before each job it starts
 *    the load generator (`load-generator.ts`) with a load level drawn at random (none, light,
 *    bursty, heavy), and stops it after the job, so the machine's load changes between jobs.
 *    Every job's results file and the load it ran under go to `--dir` (manifest.json).
 * 2. Pairs. A/A: every pair of default jobs (earlier job as baseline), compared with the
 *    defaults and no history (the prior floor), with history = all other default jobs, and with
 *    history = 8 other default jobs drawn at random. A false alarm is a pair with any gated
 *    `regressed` (and, counted separately, any gated `regressed` or `improved`). Detection: every
 *    default job as baseline against every inline-error job as current; caught when
 *    `layout/ddsplit-replay` `latency-p50` is `regressed`, with the same three history settings.
 * 3. Evidence for the prior floor: each gated timing metric's job-to-job spread (the robust
 *    estimate compare uses, and the sample standard deviation) over the default jobs.
 *
 * Run from the repository root:
 *   npx node benchmarks/experiments/cross-job.ts [--jobs 16] [--variant-jobs 8] [--runs 10] [--seed 1] [--dir DIR]
 *   npx node benchmarks/experiments/cross-job.ts --skip-run --dir DIR   (compare the jobs already in DIR)
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { createRandom } from '../../src/stats/create-random.ts';
import { start } from './load-generator.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '16' },
    'variant-jobs': { type: 'string', default: '8' },
    runs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    'skip-run': { type: 'boolean', default: false },
  },
});

/** One job of the experiment as manifest.json records it. */
export interface JobRecord {
  index: number;
  file: string;
  variant: 'default' | 'inline-error';
  load: LoadLevel;
  startedAt: string;
  seconds: number;
}

interface LoadLevel {
  name: string;
  workers: number;
  meanOnMs: number;
  meanOffMs: number;
}

/** The load levels a job is run under, drawn at random per job. */
const LOAD_LEVELS: LoadLevel[] = [
  { name: 'none', workers: 0, meanOnMs: 1, meanOffMs: 1 },
  { name: 'light', workers: 1, meanOnMs: 300, meanOffMs: 900 },
  { name: 'bursty', workers: 2, meanOnMs: 400, meanOffMs: 400 },
  { name: 'heavy', workers: 2, meanOnMs: 2000, meanOffMs: 300 },
];

const directory = values.dir ? path.resolve(values.dir) : mkdtempSync(path.join(os.tmpdir(), 'benchgate-cross-job-'));
mkdirSync(directory, { recursive: true });
const manifestFile = path.join(directory, 'manifest.json');

async function runJobs(): Promise<void> {
  const random = createRandom(Number(values.seed));
  const plan: JobRecord['variant'][] = [
    ...Array.from({ length: Number(values.jobs) }, () => 'default' as const),
    ...Array.from({ length: Number(values['variant-jobs']) }, () => 'inline-error' as const),
  ];
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  const records: JobRecord[] = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : [];
  for (let index = records.length; index < plan.length; index++) {
    const variant = plan[index]!;
    const load = LOAD_LEVELS[Math.floor(random() * LOAD_LEVELS.length)]!;
    const file = `job-${String(index).padStart(2, '0')}-${variant}.json`;
    const env = { ...process.env };
    if (variant === 'inline-error') env.BENCHGATE_VARIANT = 'layout=inline-error';
    else delete env.BENCHGATE_VARIANT;
    const generator = start({ seed: Number(values.seed) * 1000 + index, maxSeconds: 600, workers: load.workers, meanOnMs: load.meanOnMs, meanOffMs: load.meanOffMs });
    const startedAt = new Date().toISOString();
    const began = performance.now();
    try {
      await run(process.execPath, ['src/cli.ts', 'run', '--runs', values.runs, '--out', path.join(directory, file), '--seed', String(index + 1)], {
        cwd: ROOT,
        env,
        maxBuffer: 64 * 1024 * 1024,
      });
    } finally {
      await generator.stop();
    }
    const seconds = (performance.now() - began) / 1000;
    records.push({ index, file, variant, load, startedAt, seconds });
    writeFileSync(manifestFile, `${JSON.stringify(records, null, 2)}\n`);
    console.error(`job ${index + 1}/${plan.length}: ${variant}, load ${load.name}, ${seconds.toFixed(1)} s`);
  }
}

if (!values['skip-run']) await runJobs();
console.error(`jobs in ${directory}`);
