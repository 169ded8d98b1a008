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
 *    Injected: every ordered pair of default jobs with the current job's runs of one gated timing
 *    multiplied by 1.25 (exactly a 20% throughput loss, with this machine's own job-to-job noise),
 *    for each gated timing in turn.
 * 3. Evidence for the prior floor: each gated timing metric's job-to-job spread (the robust
 *    estimate compare uses, and the sample standard deviation) over the default jobs.
 *
 * Run from the repository root:
 *   npx node benchmarks/experiments/cross-job.ts [--jobs 16] [--variant-jobs 8] [--runs 10] [--seed 1] [--dir DIR]
 *   npx node benchmarks/experiments/cross-job.ts --skip-run --dir DIR   (compare the jobs already in DIR)
 * `--floors 0.05,0.08` adds no-history rows with other prior floors, as evidence for the default's choice.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { summarizeJob } from '../../src/baseline/layout.ts';
import { compareResults } from '../../src/compare/compare-results.ts';
import { estimateJobNoise, historyKey, type HistoryJob } from '../../src/compare/history.ts';
import { changeOf, noiseOf, type Comparison } from '../../src/compare/schema.ts';
import { readResults } from '../../src/results/read-results.ts';
import type { Results } from '../../src/results/schema.ts';
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
    floors: { type: 'string', default: '0.05,0.08' },
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
    const generator = start({
      seed: Number(values.seed) * 1000 + index,
      maxSeconds: 600,
      workers: load.workers,
      meanOnMs: load.meanOnMs,
      meanOffMs: load.meanOffMs,
    });
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

interface Job extends JobRecord {
  results: Results;
  history: HistoryJob;
}

/** The gated comparisons that count as a false alarm in an A/A pair. */
function alarms(comparisons: Comparison[]) {
  const gated = comparisons.filter((c) => c.gate);
  return {
    regressed: gated.filter((c) => c.verdict === 'regressed'),
    improved: gated.filter((c) => c.verdict === 'improved'),
    inconclusive: gated.filter((c) => c.verdict === 'inconclusive'),
  };
}

function noiseModelOf(comparison: Comparison): string {
  return noiseOf(comparison)?.model ?? 'none';
}

const percent = (count: number, total: number) => `${count}/${total} (${((100 * count) / Math.max(1, total)).toFixed(1)}%)`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function analyze(): Promise<void> {
  const records: JobRecord[] = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const jobs: Job[] = [];
  for (const record of records) {
    const results = await readResults(path.join(directory, record.file));
    jobs.push({ ...record, results, history: summarizeJob(results, `job-${record.index}`) });
  }
  const defaults = jobs.filter((job) => job.variant === 'default');
  const variants = jobs.filter((job) => job.variant === 'inline-error');
  const random = createRandom(Number(values.seed) + 99);
  // History as the store hands it over: newest first.
  const historyOf = (exclude: readonly Job[], size: number | null): HistoryJob[] => {
    let pool = defaults.filter((job) => !exclude.includes(job));
    if (size !== null && pool.length > size) {
      pool = [...pool];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      pool = pool.slice(0, size);
    }
    return pool.sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((job) => job.history);
  };
  const settings: { name: string; size: number | null; use: boolean; floor?: number; sameJob?: boolean }[] = [
    { name: 'no history (prior floor 0.03, the default)', size: null, use: false },
    { name: 'history: 8 other jobs', size: 8, use: true },
    { name: `history: all other default jobs`, size: null, use: true },
    ...values.floors
      .split(',')
      .filter(Boolean)
      .map((floor) => ({ name: `no history, floor ${floor} (for comparison)`, size: null, use: false, floor: Number(floor) })),
    { name: 'no job term at all (process runs before issue 12)', size: null, use: false, sameJob: true },
  ];
  const optionsOf = (setting: (typeof settings)[number], exclude: Job[]) => ({
    ...(setting.use ? { history: historyOf(exclude, setting.size) } : {}),
    ...(setting.floor === undefined ? {} : { jobNoiseFloor: setting.floor }),
    ...(setting.sameJob ? { sameJob: true } : {}),
  });

  console.log(`cross-job experiment: ${defaults.length} default jobs, ${variants.length} inline-error jobs, ${directory}`);
  const loads = new Map<string, number>();
  for (const job of jobs) loads.set(job.load.name, (loads.get(job.load.name) ?? 0) + 1);
  console.log(
    `load levels: ${[...loads].map(([name, count]) => `${name} ${count}`).join(', ')}; job time median ${median(jobs.map((job) => job.seconds)).toFixed(1)} s`,
  );

  // Evidence for the prior floor: the spread between this machine's default jobs.
  console.log('\njob-to-job spread of the gated timing metrics over the default jobs (log scale):');
  const keys = new Set<string>();
  for (const job of defaults)
    for (const b of job.results.benchmarks)
      if (b.state === 'completed') for (const m of b.metrics) if (m.gate && !m.runs.every((v) => v === m.runs[0])) keys.add(historyKey(b.id, m.name));
  const history = defaults.map((job) => job.history);
  for (const key of keys) {
    const logs = history
      .map((job) => job.centers[key])
      .filter((v): v is number => v !== undefined && v > 0)
      .map(Math.log);
    const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
    const robust = estimateJobNoise(history, key, 2);
    const byLoad = [...loads.keys()].map((name) => {
      const own = defaults
        .filter((job) => job.load.name === name)
        .map((job) => job.history.centers[key]!)
        .filter((v) => v > 0);
      return own.length === 0 ? null : `${name} ${(Math.exp(median(own.map(Math.log)) - median(logs)) * 100 - 100).toFixed(1)}%`;
    });
    console.log(
      `  ${key}: robust σ ${robust ? robust.sd.toFixed(4) : '-'}, sample sd ${sd.toFixed(4)}; median center by load vs all: ${byLoad.filter(Boolean).join(', ')}`,
    );
  }

  console.log('\nA/A: every pair of default jobs, the earlier as baseline');
  for (const setting of settings) {
    let regressed = 0;
    let improved = 0;
    let any = 0;
    let inconclusive = 0;
    let pairs = 0;
    const models = new Map<string, number>();
    const culprits = new Map<string, number>();
    for (let i = 0; i < defaults.length; i++) {
      for (let j = i + 1; j < defaults.length; j++) {
        const [a, b] = [defaults[i]!, defaults[j]!];
        const comparisons = compareResults(a.results, b.results, optionsOf(setting, [a, b]));
        const found = alarms(comparisons);
        pairs++;
        if (found.regressed.length > 0) regressed++;
        if (found.improved.length > 0) improved++;
        if (found.regressed.length + found.improved.length > 0) any++;
        if (found.inconclusive.length > 0) inconclusive++;
        for (const c of [...found.regressed, ...found.improved])
          culprits.set(`${c.id} ${c.metric} ${c.verdict}`, (culprits.get(`${c.id} ${c.metric} ${c.verdict}`) ?? 0) + 1);
        for (const c of comparisons.filter((c) => c.gate)) models.set(noiseModelOf(c), (models.get(noiseModelOf(c)) ?? 0) + 1);
      }
    }
    console.log(
      `  ${setting.name}: pairs with a gated false alarm (regressed or improved) ${percent(any, pairs)}; regressed ${percent(regressed, pairs)}; improved ${percent(improved, pairs)}; any gated inconclusive ${percent(inconclusive, pairs)}`,
    );
    console.log(`    noise models of gated comparisons: ${[...models].map(([m, n]) => `${m} ${n}`).join(', ')}`);
    if (culprits.size > 0)
      console.log(
        `    false alarms by metric: ${[...culprits]
          .sort((x, y) => y[1] - x[1])
          .map(([k, n]) => `${k} ×${n}`)
          .join('; ')}`,
      );
  }

  console.log('\nDetection: every default job as baseline against every inline-error job (layout/ddsplit-replay latency-p50)');
  for (const setting of settings) {
    const verdicts = new Map<string, number>();
    const ratios: number[] = [];
    let pairs = 0;
    for (const base of defaults) {
      for (const variant of variants) {
        const comparisons = compareResults(base.results, variant.results, optionsOf(setting, [base]));
        const c = comparisons.find((x) => x.id === 'layout/ddsplit-replay' && x.metric === 'latency-p50');
        if (!c) throw new Error(`no layout/ddsplit-replay latency-p50 in ${variant.file}`);
        verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
        const change = changeOf(c);
        if (change) ratios.push(change.ratio);
        pairs++;
      }
    }
    console.log(
      `  ${setting.name}: caught (regressed) ${percent(verdicts.get('regressed') ?? 0, pairs)}; ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}; ratio median ${median(ratios).toFixed(3)}, range ${Math.min(...ratios).toFixed(3)} … ${Math.max(...ratios).toFixed(3)}`,
    );
  }

  // A known 20% throughput loss injected into real jobs: every ordered pair of two different
  // default jobs, the current job's runs of one gated timing multiplied by 1/0.8 = 1.25, so the
  // job-to-job noise is this machine's and the effect is exactly 20% whatever the model measures.
  // Each gated timing in turn: how often a 20% loss is caught depends on that benchmark's own σ_job.
  for (const key of keys) {
    const [id, metric] = key.split('::') as [string, string];
    const robust = estimateJobNoise(history, key, 2);
    console.log(
      `\nDetection of an injected 20% loss in ${id} ${metric} (robust σ_job ${robust ? `${(100 * robust.sd).toFixed(1)}%` : '-'}): every ordered pair of default jobs, the current one's runs ×1.25`,
    );
    for (const setting of settings) {
      const verdicts = new Map<string, number>();
      let pairs = 0;
      for (const base of defaults) {
        for (const current of defaults) {
          if (base === current) continue;
          const slowed = scaled(current.results, id, metric, 1 / 0.8);
          const c = compareResults(base.results, slowed, optionsOf(setting, [base, current])).find((x) => x.id === id && x.metric === metric);
          if (!c) throw new Error(`no ${id} ${metric} in ${current.file}`);
          verdicts.set(c.verdict, (verdicts.get(c.verdict) ?? 0) + 1);
          pairs++;
        }
      }
      console.log(
        `  ${setting.name}: caught (regressed) ${percent(verdicts.get('regressed') ?? 0, pairs)}; ${[...verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`,
      );
    }
  }
}

/** A copy of `results` with one metric's runs multiplied by `factor` (a known slowdown injected into a real job). */
function scaled(results: Results, id: string, metric: string, factor: number): Results {
  return {
    ...results,
    benchmarks: results.benchmarks.map((b) =>
      b.id !== id || b.state !== 'completed'
        ? b
        : { ...b, metrics: b.metrics.map((m) => (m.name === metric ? { ...m, runs: m.runs.map((v) => v * factor) } : m)) },
    ),
  };
}

if (!values['skip-run']) await runJobs();
console.error(`jobs in ${directory}`);
await analyze();
