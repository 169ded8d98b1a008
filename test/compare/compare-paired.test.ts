import { describe, expect, test } from 'vitest';
import { comparePaired } from '../../src/compare/compare-paired.ts';
import { compareResults } from '../../src/compare/compare-results.ts';
import { changeOf, ComparisonSchema, intervalOf, pValuesOf, type Comparison } from '../../src/compare/schema.ts';
import { describeReason } from '../../src/report/describe-reason.ts';
import { undecidedGatedIds } from '../../src/compare/stop-rule.ts';
import { hodgesLehmannOneSample, lookAlpha, wilcoxonSignedRank } from '../../src/stats/index.ts';
import { bench, metric, noisyRuns, results, seeded } from './helpers.ts';

const change = (c: Comparison) => changeOf(c)!;
const interval = (c: Comparison) => intervalOf(c)!;
const p = (c: Comparison) => pValuesOf(c)!;
const words = (c: Comparison) => describeReason(c, { tool: 'benchgate' });
const runsNeeded = (c: Comparison) => (c.verdict === 'inconclusive' && 'runsNeeded' in c.reason ? c.reason.runsNeeded : undefined);

function only(comparisons: Comparison[]): Comparison {
  expect(comparisons).toHaveLength(1);
  ComparisonSchema.parse(comparisons[0]);
  return comparisons[0]!;
}

/**
 * Round-aligned sides: in round r both sides share the machine's load factor load[r] (up to ×1.6,
 * drifting), and each has its own 1% noise; the head is `factor` × the base's work.
 */
function rounds(n: number, factor: number, seed: number, noise = 0.01): [number[], number[]] {
  const random = seeded(seed);
  const load = Array.from({ length: n }, (_, r) => 1 + 0.6 * Math.abs(Math.sin(r / 3 + seed)));
  const base = noisyRuns(n, 1000, noise, seed + 1).map((v, r) => v * load[r]!);
  const head = noisyRuns(n, 1000 * factor, noise, seed + 2).map((v, r) => v * load[r]! * (1 + 0.001 * (random() - 0.5)));
  return [base, head];
}

function pairedSides(baseRuns: number[], headRuns: number[], overrides = {}) {
  return [results([bench('suite/task', metric(baseRuns, overrides))]), results([bench('suite/task', metric(headRuns, overrides))])] as const;
}

describe('comparePaired', () => {
  test('a 20% throughput loss under drifting load is regressed, from the signed-rank test and the one-sample Hodges–Lehmann interval', () => {
    const [base, head] = rounds(12, 1.25, 1);
    const c = only(comparePaired(...pairedSides(base, head)));
    const logRatios = head.map((v, r) => Math.log(v / base[r]!));
    const hl = hodgesLehmannOneSample(logRatios, 0.95);
    expect(c).toMatchObject({ verdict: 'regressed', design: 'paired' });
    expect(c.sequential).toBeUndefined();
    expect(p(c).test).toBe('signed-rank');
    expect(p(c).worse).toBe(wilcoxonSignedRank(logRatios).pGreater);
    expect(p(c).worse).toBe(2 ** -12);
    expect(change(c).ratio).toBeCloseTo(Math.exp(hl.estimate), 12);
    expect(change(c).throughput).toBeCloseTo(-0.2, 1);
    expect(interval(c)).toMatchObject({ method: 'hodges-lehmann', level: 0.95 });
    expect(interval(c).ratio[0]).toBeCloseTo(Math.exp(hl.low), 12);
    expect(interval(c).ratio[1]).toBeCloseTo(Math.exp(hl.high), 12);
    expect(words(c)).toMatch(/Wilcoxon signed-rank on 12 paired rounds/);
  });

  test('unchanged code under the same drifting load is unchanged with a tight interval, where the independent design cannot tell', () => {
    const [base, head] = rounds(12, 1, 3);
    const paired = only(comparePaired(...pairedSides(base, head)));
    expect(paired.verdict).toBe('unchanged');
    expect(interval(paired).ratio[1] / interval(paired).ratio[0]).toBeLessThan(1.03);
    // The same numbers taken as two independent jobs: the load spread swamps the interval.
    const independent = only(compareResults(...pairedSides(base, head)));
    expect(interval(independent).ratio[1] / interval(independent).ratio[0]).toBeGreaterThan(1.2);
    expect(independent.design).toBeUndefined();
  });

  test('a 20% throughput gain is improved; swapping the sides swaps the verdict', () => {
    const [base, head] = rounds(12, 0.8, 5);
    expect(only(comparePaired(...pairedSides(base, head))).verdict).toBe('improved');
    expect(only(comparePaired(...pairedSides(head, base))).verdict).toBe('regressed');
  });

  test('a bigger-is-better metric that falls 20% is regressed', () => {
    const [base, head] = rounds(12, 0.8, 7);
    const c = only(comparePaired(...pairedSides(base, head, { name: 'ops', unit: 'ops/s', direction: 'bigger' })));
    expect(c.verdict).toBe('regressed');
    expect(change(c).throughput).toBeCloseTo(change(c).ratio - 1, 12);
  });

  test('a real change smaller than the threshold is unchanged', () => {
    const [base, head] = rounds(30, 1.01, 9, 0.002);
    const c = only(comparePaired(...pairedSides(base, head)));
    expect(p(c).worseAdjusted).toBeLessThan(0.01);
    expect(c.verdict).toBe('unchanged');
  });

  describe('deterministic metrics (each side constant)', () => {
    test('different values in 10 rounds: exact change, sign-flip p 2⁻¹⁰, regressed', () => {
      const c = only(comparePaired(...pairedSides(Array(10).fill(100), Array(10).fill(150), { name: 'bytes', unit: 'B' })));
      expect(c).toMatchObject({ verdict: 'regressed', change: { ratio: 1.5 } });
      expect(p(c)).toMatchObject({ test: 'exact-permutation', worse: 2 ** -10 });
      expect(interval(c)).toMatchObject({ method: 'exact', level: 1, ratio: [1.5, 1.5] });
      expect(words(c)).toMatch(/exact sign-flip test on 10 paired rounds/);
    });

    test('equal values: unchanged with ratio 1 and interval [1, 1]', () => {
      const c = only(comparePaired(...pairedSides(Array(5).fill(64), Array(5).fill(64))));
      expect(c).toMatchObject({ verdict: 'unchanged', change: { ratio: 1 }, interval: { ratio: [1, 1] } });
    });

    test('5 rounds cannot reach 0.01 (2⁻⁵ = 0.031): inconclusive, 7 rounds would (2⁻⁷ = 0.0078)', () => {
      const c = only(comparePaired(...pairedSides(Array(5).fill(100), Array(5).fill(150))));
      expect(c.verdict).toBe('inconclusive');
      expect(c.reason).toEqual({ cause: 'underpowered', fromZero: false, runsNeeded: 7 });
      expect(c.flags.map((f) => f.kind)).toContain('few-runs');
    });

    test('from a constant 0 to above 0: regressed, with no ratio', () => {
      const c = only(comparePaired(...pairedSides(Array(10).fill(0), Array(10).fill(3), { name: 'allocations', unit: 'count' })));
      expect(c).toMatchObject({ verdict: 'regressed', change: null, interval: null });
    });
  });

  test('rounds with equal values on both sides are left out of the test, as R does, and the reason says so', () => {
    const base = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
    const head = base.map((v, r) => (r < 3 ? v : v * (1.3 + 0.01 * r)));
    const c = only(comparePaired(...pairedSides(base, head)));
    expect(p(c).droppedRounds).toBe(3);
    expect(words(c)).toMatch(/3 rounds with equal values on both sides left out/);
    expect(c.verdict).toBe('regressed');
  });

  test('values ≤ 0: the signed-rank test of the differences, and no relative change', () => {
    const base = [-5, -3, 0, 2, 4, 1, -1, 3];
    const head = base.map((v, r) => v + 10 + r * 0.1);
    const c = only(comparePaired(...pairedSides(base, head, { name: 'heap-delta', unit: 'B' })));
    expect(changeOf(c)).toBeNull();
    expect(p(c).worse).toBe(2 ** -8);
    expect(c.verdict).toBe('inconclusive');
    expect(c.reason).toEqual({ cause: 'no-relative-change', significant: 'worse' });
    expect(words(c)).toMatch(/no relative change/);
  });

  test('fewer than 2 rounds: inconclusive, untested, with a few-runs flag', () => {
    const c = only(comparePaired(...pairedSides([100], [120])));
    expect(c).toMatchObject({ verdict: 'inconclusive', p: null, change: { ratio: 1.2 }, reason: { cause: 'untestable', oneValuePerJob: false } });
    expect(c.flags.map((f) => f.kind)).toEqual(['few-runs']);
  });

  test('rounds that do not line up are refused, naming the metric', () => {
    expect(() => comparePaired(...pairedSides([1, 2, 3], [1, 2]))).toThrow(
      new RangeError("paired rounds must line up: the base has 3 runs of 'latency-p50' and the head 2"),
    );
  });

  test('new, missing and errored benchmarks', () => {
    const ok = metric([1, 2, 3]);
    const base = results([bench('a/kept', ok), bench('a/removed', ok), { id: 'a/broken', state: 'errored', error: 'boom', metrics: [ok] }]);
    const head = results([bench('a/kept', ok), bench('a/added', ok), bench('a/broken', ok)]);
    const verdicts = Object.fromEntries(comparePaired(base, head).map((c) => [c.id, c.verdict]));
    expect(verdicts).toEqual({ 'a/kept': 'unchanged', 'a/added': 'new', 'a/broken': 'errored', 'a/removed': 'missing' });
    const broken = comparePaired(base, head).find((c) => c.id === 'a/broken')!;
    expect(broken.reason).toEqual({ cause: 'errored', side: 'baseline', message: 'boom' });
    for (const c of comparePaired(base, head)) expect(c.design).toBe('paired');
  });

  test('a changed unit is not comparable', () => {
    const base = results([bench('s/t', metric([1, 2, 3]))]);
    const head = results([bench('s/t', metric([1, 2, 3], { unit: 'ms' }))]);
    expect(only(comparePaired(base, head)).reason).toEqual({ cause: 'incomparable', baselineUnit: 'ns', baselineDirection: 'smaller' });
  });

  test('Holm over the gated family: three regressions whose raw p is 2⁻¹⁰ each', () => {
    const tasks = ['s/a', 's/b', 's/c'].map((id, i) => {
      const [b, h] = rounds(10, 1.3, 20 + i);
      return [bench(id, metric(b)), bench(id, metric(h))] as const;
    });
    const comparisons = comparePaired(results(tasks.map((t) => t[0])), results(tasks.map((t) => t[1])));
    for (const c of comparisons) {
      expect(p(c).worse).toBe(2 ** -10);
      expect(p(c).worseAdjusted).toBeCloseTo(3 * 2 ** -10, 15);
      expect(c.verdict).toBe('regressed');
    }
  });

  test('non-gated metrics are their own family and do not keep sampling going', () => {
    const [b, h] = rounds(12, 1, 30, 0.2);
    const base = results([bench('s/t', metric(b, { name: 'latency-mean', gate: false }))]);
    const head = results([bench('s/t', metric(h, { name: 'latency-mean', gate: false }))]);
    const c = only(comparePaired(base, head));
    expect(c.gate).toBe(false);
    expect(undecidedGatedIds([c])).toEqual([]);
  });

  test('options are checked as compareResults checks them', () => {
    expect(() => comparePaired(...pairedSides([1, 2], [1, 2]), { alpha: 2 })).toThrow(/compare option 'alpha' must be in \(0, 1\), got 2/);
  });

  describe('adaptive sampling: looks', () => {
    test("each look decides at the alpha spent on it and reports the interval at that look's level", () => {
      const [base, head] = rounds(12, 1.25, 1);
      const c = only(comparePaired(...pairedSides(base, head), {}, { index: 2, max: 10 }));
      expect(c.sequential).toEqual({
        look: 2,
        maxLooks: 10,
        spending: 'pocock',
        alpha: lookAlpha(2, 10, 0.01),
        confidence: 1 - lookAlpha(2, 10, 0.05),
      });
      expect(c.alpha).toBe(0.01);
      expect(interval(c).level).toBeCloseTo(1 - lookAlpha(2, 10, 0.05), 15);
      expect(c.verdict).toBe('regressed');
    });

    test('a change significant at alpha in a fixed design is not yet significant at an early look', () => {
      // 8 rounds all worse: p = 2⁻⁸ = 0.0039 < 0.01, but above look 1 of 10's 0.0016.
      const [base, head] = rounds(8, 1.3, 40);
      expect(only(comparePaired(...pairedSides(base, head))).verdict).toBe('regressed');
      const early = only(comparePaired(...pairedSides(base, head), {}, { index: 1, max: 10 }));
      expect(early.verdict).toBe('inconclusive');
      expect(runsNeeded(early)).toBe(10);
      expect(undecidedGatedIds([early])).toEqual(['suite/task']);
    });

    test("O'Brien–Fleming-type spending keeps almost nothing for the first look", () => {
      const [base, head] = rounds(12, 1.25, 1);
      const c = only(comparePaired(...pairedSides(base, head), {}, { index: 1, max: 10, spending: 'obrien-fleming' }));
      expect(c.sequential!.alpha).toBeLessThan(1e-10);
      expect(c.verdict).toBe('inconclusive');
    });

    test('a look out of range is refused', () => {
      expect(() => comparePaired(...pairedSides([1, 2], [1, 2]), {}, { index: 0, max: 5 })).toThrow(
        new RangeError('comparePaired: look.index must be a whole number in 1 … 5, got 0'),
      );
      expect(() => comparePaired(...pairedSides([1, 2], [1, 2]), {}, { index: 1, max: 0 })).toThrow(RangeError);
    });

    test('stopping at the first decided look keeps false regressions at most alpha; deciding every look at alpha does not', () => {
      // 300 seeded A/A sequences, 3 gated benchmarks, up to 8 looks of 6 rounds each, under a load
      // that changes every round; alpha 0.2 so that the rates show in a few hundred sequences.
      const alpha = 0.2;
      const maxLooks = 8;
      const sequences = 300;
      const random = seeded(99);
      const draw = () => Math.exp(0.05 * (random() + random() + random() - 1.5));
      // The interval's one-sided miss rate matches alpha too (1 − 0.6 = 2 × 0.2), so the test decides, not the interval.
      const options = { alpha, threshold: 0.001, confidence: 0.6 };
      const regressed = (comparisons: Comparison[]) => comparisons.some((c) => c.verdict === 'regressed');
      let spentAlarms = 0;
      let naiveAlarms = 0;
      for (let sequence = 0; sequence < sequences; sequence++) {
        const tasks = [0, 1, 2].map(() => ({ base: [] as number[], head: [] as number[] }));
        let spentDone = false;
        let naiveDone = false;
        for (let look = 1; look <= maxLooks && !(spentDone && naiveDone); look++) {
          for (let r = 0; r < 6; r++) {
            for (const task of tasks) {
              const load = 1 + random();
              task.base.push(1000 * load * draw());
              task.head.push(1000 * load * draw());
            }
          }
          const base = results(tasks.map((t, i) => bench(`s/${i}`, metric([...t.base]))));
          const head = results(tasks.map((t, i) => bench(`s/${i}`, metric([...t.head]))));
          if (!spentDone) {
            const comparisons = comparePaired(base, head, options, { index: look, max: maxLooks });
            if (regressed(comparisons)) spentAlarms++;
            spentDone = regressed(comparisons) || undecidedGatedIds(comparisons).length === 0;
          }
          if (!naiveDone && regressed(comparePaired(base, head, options))) {
            naiveAlarms++;
            naiveDone = true;
          }
        }
      }
      // Binomial(300, 0.2) has sd 6.9 (0.023 as a rate). Seen: 23 / 300 spent, 153 / 300 naive.
      expect(spentAlarms / sequences).toBeLessThan(alpha);
      expect(naiveAlarms / sequences).toBeGreaterThan(alpha + 0.05);
    });
  });
});
