/**
 * Hand-written `benchgate/report@1` fixtures for the report goldens. Numbers are chosen to be
 * consistent: `change` and `interval` follow from the metric ratio as compare defines them.
 */
import { decideGate, passWithoutBaseline } from '../../src/compare/decide-gate.ts';
import {
  ComparisonSchema,
  REPORT_SCHEMA,
  ReportSchema,
  type Comparison,
  type ComparisonOf,
  type NoiseModel,
  type PValues,
  type Report,
  type SideInfo,
} from '../../src/compare/schema.ts';
import { summarizeVerdicts } from '../../src/compare/summarize-verdicts.ts';
import type { Direction, Environment } from '../../src/results/schema.ts';
import { createRandom } from '../../src/stats/create-random.ts';

export const RUNNER_ENVIRONMENT: Environment = {
  cpuModel: 'AMD EPYC 7763 64-Core Processor',
  cores: 4,
  os: 'linux 6.8.0-1017-azure',
  arch: 'x64',
  node: 'v24.11.1',
  runnerImage: 'ubuntu24/20261110.1',
};

const BASELINE_SIDE: SideInfo = {
  tool: 'benchgate',
  commit: '3f9a2c41d7e8b6a5c4d3e2f1a0b9c8d7e6f5a4b3',
  ref: 'refs/heads/main',
  createdAt: '2026-11-20T09:14:03.000Z',
  environment: RUNNER_ENVIRONMENT,
  seed: 1_840_221,
};

const CURRENT_SIDE: SideInfo = {
  tool: 'benchgate',
  commit: '9c1e7b05aa2d4f6e8b0c1d2e3f4a5b6c7d8e9f01',
  ref: 'refs/pull/42/merge',
  createdAt: '2026-11-22T18:02:41.000Z',
  environment: RUNNER_ENVIRONMENT,
  seed: 77_311,
};

/** The change and interval in compare's three forms, from the metric ratio and its interval. */
function moved(direction: Direction, ratio: number, low: number, high: number) {
  const throughput = (r: number) => (direction === 'smaller' ? 1 / r - 1 : r - 1);
  const ends = [throughput(low), throughput(high)].sort((a, b) => a - b) as [number, number];
  return {
    change: { ratio, metric: ratio - 1, throughput: throughput(ratio) },
    interval: {
      method: 'hodges-lehmann' as const,
      level: 0.95,
      ratio: [low, high] as [number, number],
      metric: [low - 1, high - 1] as [number, number],
      throughput: ends,
    },
  };
}

interface ComparisonSpec {
  id: string;
  metric?: string;
  unit?: string;
  direction?: Direction;
  verdict: Comparison['verdict'];
  /** The structured reason; a default per verdict when left out. */
  reason?: Comparison['reason'];
  /** Baseline median; the current median is `center * ratio`. */
  center?: number;
  ratio?: [number, number, number];
  worse?: number;
  better?: number;
  runs?: [number, number];
  /** Coefficients of variation of the two sides. */
  cv?: [number, number];
  flags?: Comparison['flags'];
  /** For the default `inconclusive` reason (straddles the threshold). */
  runsNeeded?: number | null;
  gate?: boolean;
  method?: NonNullable<ComparisonOf<'unchanged'>['interval']>['method'];
  noise?: NoiseModel;
  test?: PValues['test'];
}

function defaultReason(spec: ComparisonSpec): Comparison['reason'] {
  switch (spec.verdict) {
    case 'regressed':
    case 'improved':
      return { cause: 'beyond-threshold' };
    case 'unchanged':
      return { cause: 'not-significant' };
    case 'inconclusive':
      return { cause: 'straddles-threshold', significant: 'worse', runsNeeded: spec.runsNeeded ?? null };
    case 'new':
      return { cause: 'added' };
    case 'missing':
      return { cause: 'not-in-current' };
    case 'errored':
      return { cause: 'errored', side: 'current', message: 'Error: failed' };
  }
}

/** One comparison, filled the way compare fills it, and checked against the schema. */
export function comparison(spec: ComparisonSpec): Comparison {
  const direction = spec.direction ?? 'smaller';
  const center = spec.center ?? 1_000_000;
  const [ratio, low, high] = spec.ratio ?? [1, 0.99, 1.01];
  const [baselineRuns, currentRuns] = spec.runs ?? [10, 10];
  const reason = spec.reason ?? defaultReason(spec);
  const erroredSide = reason.cause === 'errored' ? reason.side : null;
  const hasBaseline = spec.verdict !== 'new' && erroredSide !== 'baseline' && erroredSide !== 'both';
  const hasCurrent = spec.verdict !== 'missing' && erroredSide === null;
  const tested = ['regressed', 'improved', 'unchanged', 'inconclusive'].includes(spec.verdict);
  const { change, interval } = moved(direction, ratio, low, high);
  const worse = spec.worse ?? 0.5;
  const better = spec.better ?? 0.5;
  return ComparisonSchema.parse({
    id: spec.id,
    metric: spec.metric ?? 'latency-p50',
    unit: spec.unit ?? 'ns',
    direction,
    gate: spec.gate ?? true,
    verdict: spec.verdict,
    reason,
    baseline: hasBaseline ? { runs: baselineRuns, center, cv: spec.cv?.[0] ?? 0.012, observation: 'process' } : null,
    current: hasCurrent ? { runs: currentRuns, center: center * ratio, cv: spec.cv?.[1] ?? 0.015, observation: 'process' } : null,
    ...(tested
      ? {
          change,
          interval: { ...interval, method: spec.method ?? interval.method },
          p: {
            test: spec.test ?? 'mann-whitney',
            twoSided: Math.min(1, 2 * Math.min(worse, better)),
            worse,
            better,
            worseAdjusted: Math.min(1, worse * 3),
            betterAdjusted: Math.min(1, better * 3),
          },
          noise: spec.noise ?? { model: 'history', jobs: 6, sd: 0.012, df: 2.25, baselineSd: null, limitedByJobNoise: false },
        }
      : {}),
    threshold: 0.05,
    alpha: 0.01,
    flags: spec.flags ?? [],
  });
}

export const SETTINGS: Report['settings'] = {
  threshold: 0.05,
  alpha: 0.01,
  interval: 'hodges-lehmann',
  confidence: 0.95,
  seed: 20_261_122,
  jobNoiseFloor: 0.03,
  minHistoryJobs: 5,
  failOn: 'regression',
  fingerprintMismatch: 'advisory',
};

/**
 * A report around the given comparisons, with a merge-base baseline on main; summary and gate
 * are computed as compare computes them (no baseline: the gate passes). Checked against the schema.
 */
export function report(comparisons: Comparison[], overrides: Partial<Report> = {}): Report {
  const baseline = overrides.baseline === undefined ? BASELINE_SIDE : overrides.baseline;
  return ReportSchema.parse({
    schema: REPORT_SCHEMA,
    benchmarkSet: 'default',
    baseline,
    baselineChoice: {
      method: 'merge-base',
      commit: BASELINE_SIDE.commit,
      date: BASELINE_SIDE.createdAt,
      branch: 'main',
      description: 'newest stored run at the merge base 3f9a2c4 on main',
      historyRuns: 6,
    },
    current: CURRENT_SIDE,
    settings: SETTINGS,
    comparisons,
    summary: summarizeVerdicts(comparisons),
    gate: baseline === null ? passWithoutBaseline() : decideGate(comparisons),
    reproduce: 'npx benchgate compare .benchgate/baseline.json .benchgate/current.json --threshold 5% --alpha 0.01 --seed 20261122',
    ...overrides,
  });
}

const unchanged = (id: string, ratio: number, center = 850_000): Comparison =>
  comparison({ id, verdict: 'unchanged', center, ratio: [ratio, ratio - 0.012, ratio + 0.012] });

/** Two regressions (the layout model's inline error), one improvement, unchanged rest. */
export const regressions: Report = report([
  comparison({
    id: 'layout/ddsplit-replay',
    verdict: 'regressed',
    center: 1_912_400,
    ratio: [1 / 0.787, 1 / 0.806, 1 / 0.77],
    worse: 0.000163,
    better: 0.99984,
  }),
  comparison({
    id: 'layout/ddsplit-replay',
    metric: 'bytes-copied',
    unit: 'B/req',
    verdict: 'regressed',
    gate: false,
    center: 12_544,
    ratio: [4.1, 3.9, 4.3],
    worse: 0.000082,
    better: 0.99992,
  }),
  comparison({
    id: 'executor/spawn-blocking',
    metric: 'throughput',
    unit: 'ops/s',
    direction: 'bigger',
    verdict: 'improved',
    center: 48_210,
    ratio: [1.124, 1.098, 1.151],
    worse: 0.9991,
    better: 0.00091,
  }),
  unchanged('executor/single-task', 1.004),
  unchanged('executor/buffer-unordered-32', 0.996, 2_340_000),
  comparison({
    id: 'layout/boxed-error',
    verdict: 'unchanged',
    center: 640,
    ratio: [1.011, 0.97, 1.05],
    cv: [0.031, 0.14],
    flags: [{ kind: 'high-cv', side: 'current' }],
  }),
]);

/** Fourteen benchmarks, nothing moved. */
export const allUnchanged = report(
  Array.from({ length: 14 }, (_, index) =>
    unchanged(`suite-${String.fromCharCode(97 + (index % 3))}/task-${index + 1}`, 1 + ((index % 5) - 2) * 0.003, 10_000 * (index + 1) ** 2),
  ),
);

/** The first run of a set: nothing stored yet. */
export const noBaseline = report(
  [
    comparison({ id: 'layout/ddsplit-replay', verdict: 'new', reason: { cause: 'no-baseline' }, center: 1_912_400 }),
    comparison({ id: 'layout/ddsplit-replay', metric: 'bytes-copied', unit: 'B/req', verdict: 'new', reason: { cause: 'no-baseline' }, center: 51_234 }),
    comparison({ id: 'executor/spawn-blocking', verdict: 'new', reason: { cause: 'no-baseline' }, center: 3_400 }),
  ],
  {
    baseline: null,
    baselineChoice: null,
    reproduce: 'npx benchgate run --seed 77311',
  },
);

/** Inconclusive, new, missing and errored next to an unchanged one. */
export const mixed = report([
  comparison({
    id: 'executor/fan-out',
    verdict: 'inconclusive',
    center: 2_400_000,
    ratio: [1.04, 0.988, 1.1],
    worse: 0.004,
    better: 0.996,
    runsNeeded: 24,
    flags: [{ kind: 'few-runs', side: 'both', cause: 'rank-floor' }],
    runs: [5, 5],
  }),
  comparison({ id: 'executor/work-stealing', verdict: 'new', center: 930_000 }),
  comparison({ id: 'layout/legacy-copy', verdict: 'missing', center: 7_000 }),
  comparison({
    id: 'layout/parse-headers',
    verdict: 'errored',
    reason: { cause: 'errored', side: 'current', message: 'RangeError: offset 4096 is out of bounds' },
    center: 55_000,
  }),
  unchanged('layout/ddsplit-replay', 1.002),
  comparison({
    id: 'criterion/parse',
    verdict: 'unchanged',
    center: 12_300,
    ratio: [1.01, 0.95, 1.07],
    method: 'noise-floor',
    test: 'noise-floor',
    noise: { model: 'prior-floor', sd: 0.03, limitedByJobNoise: false },
  }),
]);

/** Strings from results that try to be markdown, HTML, mentions, references and table breaks. */
export const hostile = report(
  [
    comparison({
      id: '<img src=x onerror=alert(1)>|@octocat #1 `rm -rf` **bold**',
      metric: 'latency|p50\n## heading',
      unit: 'ns',
      verdict: 'regressed',
      center: 5_000,
      ratio: [1.3, 1.25, 1.35],
      worse: 0.0001,
      better: 0.9999,
    }),
    comparison({
      id: '[click](javascript:alert(1)) <!-- hidden --> -->',
      metric: '$x^2$ :tada:',
      unit: '<b>ms</b>',
      verdict: 'inconclusive',
      center: 12,
      ratio: [1.06, 0.99, 1.14],
      worse: 0.003,
      better: 0.997,
      flags: [{ kind: 'outliers', side: 'baseline', baseline: 2, current: 0, fence: 1.5 }],
    }),
    comparison({
      id: '1. ordered\u001b[31mred\u001b[0m\ttab \u202egnp.exe',
      verdict: 'errored',
      reason: {
        cause: 'errored',
        side: 'current',
        message: '\u0000\u0007 bell & <null> ~~strike~~ _em_ \\back\\slash @everyone https://example.com www.example.com #12',
      },
      center: 40,
    }),
    unchanged('    indented code | pipe \\| escaped pipe', 1.001),
  ],
  {
    benchmarkSet: 'set --> <b>@x</b>',
    current: { ...CURRENT_SIDE, ref: 'refs/heads/<b>@me</b>#7', commit: '`deadbeef`' },
    reproduce: 'npx benchgate compare "a b.json" c.json ``` @octocat\n```\necho pwned',
  },
);

/** The two sides ran on different machines. */
export const fingerprintMismatch = report(
  [
    comparison({
      id: 'layout/ddsplit-replay',
      verdict: 'improved',
      center: 1_912_400,
      ratio: [1 / 1.305, 1 / 1.27, 1 / 1.341],
      worse: 0.9999,
      better: 0.00012,
      flags: [
        {
          kind: 'fingerprint-mismatch',
          side: 'both',
          differences: [{ field: 'cpuModel', baseline: 'AMD EPYC 7763 64-Core Processor', current: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz' }],
        },
      ],
    }),
    unchanged('executor/single-task', 0.99),
  ],
  {
    current: {
      ...CURRENT_SIDE,
      environment: { ...RUNNER_ENVIRONMENT, cpuModel: 'Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz', node: 'v24.12.0' },
    },
  },
);

/** A deterministic pseudo-random source, so the big fixture never changes. */
export const random = createRandom;

/** `count` comparisons: mostly unchanged, some of every other verdict; too many for one comment. */
export function bigReport(count: number, seed = 6): Report {
  const next = random(seed);
  const comparisons = Array.from({ length: count }, (_, index) => {
    const roll = next();
    const id = `generated/suite-${Math.floor(index / 50)}/benchmark-with-a-longish-name-${index}`;
    const center = Math.round(1_000 + next() * 9_000_000);
    if (roll < 0.02) {
      const ratio = 1.06 + next() * 0.4;
      return comparison({ id, verdict: 'regressed', center, ratio: [ratio, ratio - 0.02, ratio + 0.02], worse: 0.0001, better: 0.9999 });
    }
    if (roll < 0.04) {
      const ratio = 0.94 - next() * 0.3;
      return comparison({ id, verdict: 'improved', center, ratio: [ratio, ratio - 0.02, ratio + 0.02], worse: 0.9999, better: 0.0001 });
    }
    if (roll < 0.05) {
      return comparison({ id, verdict: 'inconclusive', center, ratio: [1.05, 0.99, 1.11], runsNeeded: 30, worse: 0.002, better: 0.998 });
    }
    const ratio = 1 + (next() - 0.5) * 0.04;
    return unchanged(id, ratio, center);
  });
  return report(comparisons);
}

const SUITE_NAMES = ['executor', 'layout', 'json', 'http'];
const TASK_NAMES = [
  'spawn-blocking',
  'buffer-unordered-32',
  'fan-out-64',
  'single-task',
  'work-stealing',
  'replay-inline-error',
  'parse-headers',
  'encode-small',
];

/**
 * A 30-benchmark suite as `benchgate run` measures it: per benchmark a gated `latency-p50` and
 * the diagnostics `latency-mean` and `cpu-cores` (not gated); a few diagnostics moved with the
 * machine's load, and `regressed` gated timings regressed.
 */
export function suite30(regressed: number, seed = 30): Report {
  const next = random(seed);
  const comparisons: Comparison[] = [];
  for (let index = 0; index < 30; index++) {
    const id = `${SUITE_NAMES[index % 4]}/${TASK_NAMES[index % 8]}-${index + 1}`;
    const center = Math.round(2_000 + next() * 4_000_000);
    if (index < regressed) {
      const ratio = 1.12 + index * 0.09;
      comparisons.push(comparison({ id, verdict: 'regressed', center, ratio: [ratio, ratio - 0.03, ratio + 0.03], worse: 0.0001, better: 0.9999 }));
    } else {
      const ratio = 1 + (next() - 0.5) * 0.03;
      comparisons.push(comparison({ id, verdict: 'unchanged', center, ratio: [ratio, ratio - 0.015, ratio + 0.015] }));
    }
    const meanRatio = 1 + (next() - 0.5) * 0.03;
    comparisons.push(
      comparison({
        id,
        metric: 'latency-mean',
        gate: false,
        verdict: 'unchanged',
        center: center * 1.1,
        ratio: [meanRatio, meanRatio - 0.02, meanRatio + 0.02],
      }),
    );
    const moved = index % 10 === 3;
    comparisons.push(
      comparison({
        id,
        metric: 'cpu-cores',
        unit: 'cores',
        direction: 'bigger',
        gate: false,
        verdict: moved ? 'improved' : 'unchanged',
        center: 1,
        ratio: moved ? [1.21, 1.12, 1.3] : [1, 0.99, 1.01],
        worse: moved ? 0.999 : 0.5,
        better: moved ? 0.0004 : 0.5,
      }),
    );
  }
  return report(comparisons);
}

/** A fork's pull request, commented by the companion workflow (`mode: comment`): mixed verdicts. */
export const fork = report(mixed.comparisons, {
  current: { ...CURRENT_SIDE, ref: 'refs/pull/7/merge', commit: '5d1c0e9a7b3f2e4d6c8a0b1c2d3e4f5a6b7c8d9e' },
  reproduce: mixed.reproduce,
});

/** Every fixture the goldens are made from, by golden file name. */
const paired = (spec: ComparisonSpec): Comparison => ({
  ...comparison({ noise: { model: 'within-job' }, test: 'signed-rank', runs: [14, 14], ...spec }),
  design: 'paired',
});

/** The same-runner design: base and head measured in 14 interleaved rounds in one job. */
export const sameRunner: Report = report(
  [
    paired({ id: 'layout/ddsplit-replay', verdict: 'regressed', center: 1_912_400, ratio: [1.2, 1.15, 1.25], worse: 0.0001, better: 0.9999 }),
    paired({ id: 'layout/parse', verdict: 'unchanged', center: 850_000, ratio: [1.004, 0.995, 1.013] }),
    paired({ id: 'executor/simulate', verdict: 'unchanged', center: 420_000, ratio: [0.998, 0.99, 1.006] }),
  ],
  {
    baselineChoice: {
      method: 'same-runner',
      commit: '3f9a2c41d7e8b6a5c4d3e2f1a0b9c8d7e6f5a4b3',
      date: '2026-11-22T18:01:00.000Z',
      branch: 'main',
      description:
        'same-runner A/B: the merge base 3f9a2c4 of main, measured on this runner with the current commit in 14 interleaved rounds, stopped when every gated comparison was decided; setup: none',
      historyRuns: 0,
    },
    reproduce: 'npx benchgate ab 3f9a2c41d7e8b6a5c4d3e2f1a0b9c8d7e6f5a4b3 --runs auto --seed 20261122 --max-time 600 --threshold 5% --alpha 0.01',
  },
);

/**
 * A stored baseline on a machine that now and then runs a whole job 4× slower: 3 of its 16 stored
 * jobs did, and so did this one. The history holds that precedent, so the slow job is not a
 * regression; the gate passes and the comment says why.
 */
export const machineHabit: Report = report(
  [
    comparison({
      id: 'layout/ddsplit-replay',
      verdict: 'inconclusive',
      reason: { cause: 'underpowered', fromZero: false, runsNeeded: null },
      center: 187_000,
      ratio: [4.02, 3.1, 5.2],
      worse: 0.07,
      better: 1,
      method: 'history',
      test: 'mann-whitney-and-history',
      noise: { model: 'history', jobs: 16, sd: 0.023, df: 11.25, baselineSd: null, limitedByJobNoise: false, precedent: 3 },
    }),
    comparison({
      id: 'layout/layout-model',
      verdict: 'unchanged',
      center: 88_100,
      ratio: [0.99, 0.95, 1.03],
      method: 'history',
      test: 'mann-whitney-and-history',
      noise: { model: 'history', jobs: 16, sd: 0.13, df: 11.25, baselineSd: null, limitedByJobNoise: false, precedent: 0 },
    }),
  ],
  {
    baselineChoice: {
      method: 'merge-base',
      commit: BASELINE_SIDE.commit,
      date: BASELINE_SIDE.createdAt,
      branch: 'main',
      description: 'newest stored run at the merge base 3f9a2c4 on main',
      historyRuns: 16,
    },
  },
);

/**
 * A stored baseline on a loaded runner with 8 stored jobs: the replay varies 2.3% from job to job
 * and its 25% loss is caught; the layout model varies 13%, so its +25% is not significant and only
 * the job-to-job noise keeps it from being resolved; the two-core benchmark varies 21% and moved
 * 3%. The comment must not let the +25% read as "no change".
 */
export const noisyRunner: Report = report(
  [
    comparison({
      id: 'layout/ddsplit-replay',
      verdict: 'regressed',
      center: 187_000,
      ratio: [1.25, 1.16, 1.35],
      worse: 0.0004,
      better: 1,
      method: 'history',
      test: 'mann-whitney-and-history',
      noise: { model: 'history', jobs: 8, sd: 0.023, df: 5.25, baselineSd: null, limitedByJobNoise: false, precedent: 0 },
    }),
    comparison({
      id: 'layout/layout-model',
      verdict: 'unchanged',
      center: 88_100,
      ratio: [1.25, 0.8, 1.96],
      worse: 0.09,
      better: 0.91,
      cv: [0.05, 0.06],
      method: 'history',
      test: 'mann-whitney-and-history',
      noise: { model: 'history', jobs: 8, sd: 0.13, df: 5.6, baselineSd: null, limitedByJobNoise: true, precedent: 0 },
    }),
    comparison({
      id: 'executor/barbara-node',
      verdict: 'unchanged',
      center: 2_410_000,
      ratio: [0.97, 0.47, 2.0],
      worse: 0.55,
      better: 0.45,
      cv: [0.08, 0.11],
      method: 'history',
      test: 'mann-whitney-and-history',
      noise: { model: 'history', jobs: 8, sd: 0.21, df: 5.4, baselineSd: null, limitedByJobNoise: true, precedent: 0 },
    }),
  ],
  {
    baselineChoice: {
      method: 'merge-base',
      commit: BASELINE_SIDE.commit,
      date: BASELINE_SIDE.createdAt,
      branch: 'main',
      description: 'newest stored run at the merge base 3f9a2c4 on main',
      historyRuns: 8,
    },
  },
);

export const GOLDEN_FIXTURES = {
  regressions,
  'all-unchanged': allUnchanged,
  'no-baseline': noBaseline,
  fork,
  'hostile-names': hostile,
  'fingerprint-mismatch': fingerprintMismatch,
  'suite-30-unchanged': suite30(0),
  'suite-30-regressed': suite30(3),
  folded: bigReport(300),
  'same-runner': sameRunner,
  'machine-habit': machineHabit,
  'noisy-runner': noisyRunner,
} as const;
