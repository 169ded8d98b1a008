import type { Comparison, ComparisonOf, ComparisonRef, NoiseModel, QualityFlag, Report, SideName } from '../compare/schema.ts';
import { MIN_PRECEDENT_JOBS } from '../compare/job-term.ts';
import { describeShardProblems } from './describe-shard-problems.ts';
import { describeChange } from './describe-change.ts';
import { repeatedRunsHint } from './describe-tool-hint.ts';
import { formatCount, formatFraction, formatP, formatPercent } from './format-value.ts';
import { logThreshold } from '../compare/parse-threshold.ts';

/** What the sentences need besides the comparison. */
export interface ReasonContext {
  /** The tool that produced the current results, for the "how to get repeated runs" hint. */
  tool: string | null;
}

function runs(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'run' : 'runs'}`;
}

function sideWords(side: SideName): string {
  return side === 'both' ? 'both sides' : `the ${side} side`;
}

/**
 * The job-to-job noise a comparison admitted, in words.
 * @param noise the comparison's noise model
 * @example describeNoise({ model: 'history', jobs: 8, sd: 0.021 }) // => 'job-to-job noise from 8 stored jobs (2.1%)'
 */
export function describeNoise(noise: NoiseModel): string {
  switch (noise.model) {
    case 'within-job':
      return 'within-job noise only';
    case 'history':
      return `job-to-job noise from ${formatCount(noise.jobs)} stored jobs (${formatFraction(noise.sd)})`;
    case 'prior-floor':
      return `an assumed ${formatFraction(noise.sd)} job-to-job noise floor`;
  }
}

/**
 * How a comparison was tested, as half a sentence: the test, on what, and the noise it admitted.
 * @param comparison a comparison that ran a test
 * @returns e.g. `Mann–Whitney U on 10 and 10 runs`; '' when no test ran
 */
export function describeMethod(comparison: Comparison): string {
  if (!('p' in comparison) || comparison.p === null || comparison.baseline === null || comparison.current === null) return '';
  const n1 = comparison.baseline.runs;
  const n2 = comparison.current.runs;
  const noise = comparison.noise;
  const floor = noise?.model === 'prior-floor' ? `, widened by ${describeNoise(noise)}` : '';
  const method = describeTest(comparison, n1, n2, floor);
  return noise?.model === 'history' && (noise.precedent ?? 0) >= MIN_PRECEDENT_JOBS
    ? `${method}; ${formatCount(noise.precedent!)} of the ${formatCount(noise.jobs)} stored jobs were as far off as this one without a code change`
    : method;
}

function describeTest(comparison: Comparison, n1: number, n2: number, floor: string): string {
  if (!('p' in comparison) || comparison.p === null) return '';
  const noise = comparison.noise;
  switch (comparison.p.test) {
    case 'exact-permutation':
      if (comparison.design === 'paired') {
        return comparison.change?.ratio === 1
          ? `every round is identical on both sides (${formatCount(n1)} paired ${n1 === 1 ? 'round' : 'rounds'})`
          : `each side constant, exact sign-flip test on ${formatCount(n1)} paired rounds`;
      }
      return comparison.change?.ratio === 1
        ? 'every run is identical on both sides'
        : `each side constant, exact rank test on ${formatCount(n1)} and ${runs(n2)}`;
    case 'signed-rank': {
      const dropped = comparison.p.droppedRounds ?? 0;
      const left = dropped > 0 ? `; ${formatCount(dropped)} ${dropped === 1 ? 'round' : 'rounds'} with equal values on both sides left out` : '';
      return `Wilcoxon signed-rank on ${formatCount(n1)} paired rounds${comparison.change === null ? ' (values ≤ 0: no relative change)' : ''}${left}`;
    }
    case 'mann-whitney':
      return `Mann–Whitney U on ${formatCount(n1)} and ${runs(n2)}${comparison.change === null ? ' (values ≤ 0: no relative change)' : ''}${floor}`;
    case 'welch':
      return `Welch's t test on ${formatCount(n1)} and ${runs(n2)}${floor}`;
    case 'mann-whitney-and-history':
      return `Mann–Whitney U on the runs and a job-to-job t test over ${noise?.model === 'history' ? formatCount(noise.jobs) : 'the'} stored jobs, both required`;
    case 'mann-whitney-and-noise-floor':
      return `Mann–Whitney U on ${formatCount(n1)} and ${runs(n2)} and a job-to-job z test with ${noise === null ? 'the assumed noise floor' : describeNoise(noise)}, both required`;
    case 'history':
      return `each side's center taken as one job, tested against the spread of ${noise?.model === 'history' ? formatCount(noise.jobs) : 'the'} stored jobs`;
    case 'noise-floor':
      return `within-process samples taken as one job per side${floor}`;
  }
}

function significantly(comparison: Comparison, which: 'worse' | 'better'): string {
  const p = 'p' in comparison && comparison.p !== null ? (which === 'worse' ? comparison.p.worseAdjusted : comparison.p.betterAdjusted) : null;
  return `significantly ${which}${p === null ? '' : ` (Holm-adjusted p = ${formatP(p)})`}`;
}

function settle(runsNeeded: number | null, what: string): string {
  return runsNeeded === null ? `more runs ${what} will not settle it` : `about ${formatCount(runsNeeded)} runs per side would settle it`;
}

/**
 * Whether a comparison is `unchanged` only because the job-to-job noise hides it: not significant,
 * its estimate beyond the threshold (either way), and the job term alone keeping the interval
 * across the threshold (`noise.limitedByJobNoise`). Such a change is unresolved, not absent, and
 * the report says so.
 * @param comparison any comparison
 * @example
 * // +25% between two jobs of a benchmark that varies 21% from job to job
 * isUnresolvedAcrossJobs(unchangedWithJobNoise) // => true
 */
export function isUnresolvedAcrossJobs(comparison: Comparison): boolean {
  if (comparison.verdict !== 'unchanged' || comparison.reason.cause !== 'not-significant') return false;
  const noise = comparison.noise;
  if (noise === null || noise.model === 'within-job' || !noise.limitedByJobNoise || comparison.change === null) return false;
  return Math.abs(Math.log(comparison.change.ratio)) >= logThreshold(comparison.threshold);
}

/**
 * The sentence for a change that `isUnresolvedAcrossJobs`: where its estimate lies, how large the
 * job-to-job noise is and where it comes from, and the design that can resolve it.
 */
function describeUnresolved(comparison: ComparisonOf<'unchanged'>, threshold: string): string {
  const noise = comparison.noise;
  const spread =
    noise?.model === 'history'
      ? `${formatFraction(noise.sd)} per job, from ${formatCount(noise.jobs)} stored jobs`
      : `an assumed ${formatFraction(noise?.model === 'prior-floor' ? noise.sd : 0)} per job`;
  return `beyond the ${threshold} but within the job-to-job noise (${spread}): not significant, and more runs will not settle it; the same-runner design (\`compare-with: base\`) can`;
}

/** Why an inconclusive comparison could not be decided, from its structured reason. */
function describeInconclusive(comparison: ComparisonOf<'inconclusive'>, context: ReasonContext, threshold: string, method: string): string {
  const reason = comparison.reason;
  switch (reason.cause) {
    case 'straddles-threshold': {
      const acrossJobs = reason.runsNeeded === null && comparison.noise !== null && comparison.noise.model !== 'within-job';
      const design = acrossJobs
        ? ': the job-to-job noise does not shrink with more runs; the same-runner design (`compare-with: base`) measures both sides in one job and can resolve it'
        : '';
      return `${significantly(comparison, reason.significant)} but the interval straddles the ${threshold}; ${settle(reason.runsNeeded, 'per job')}${design}`;
    }
    case 'underpowered': {
      const reach = reason.runsNeeded === null ? 'more runs will not settle it' : `${formatCount(reason.runsNeeded)} runs per side could reach it`;
      if (reason.fromZero) {
        return `the baseline is constantly 0 and the current side is above it, but ${formatCount(comparison.baseline.runs)} and ${runs(comparison.current.runs)} cannot reach alpha ${comparison.alpha}; ${reach}`;
      }
      return `beyond the ${threshold} but not significant at alpha ${comparison.alpha}${method === '' ? '' : ` (${method})`}; ${reach}`;
    }
    case 'no-relative-change':
      return `${significantly(comparison, reason.significant)}, but values ≤ 0 give no relative change to hold against the threshold`;
    case 'untestable': {
      const hint = repeatedRunsHint(context.tool);
      if (reason.oneValuePerJob) {
        const single = (side: typeof comparison.baseline) => side.observation === 'single' || side.observation === 'aggregate';
        const where = single(comparison.baseline) && single(comparison.current) ? 'both sides' : 'a side';
        return `one value per job on ${where}, and fewer than ${formatCount(reason.minHistoryJobs)} stored jobs of history: no test is possible (no runs are invented); to get repeated runs, ${hint}`;
      }
      const few = [
        comparison.baseline.runs < 2 ? `the baseline has ${runs(comparison.baseline.runs)}` : null,
        comparison.current.runs < 2 ? `the current side has ${runs(comparison.current.runs)}` : null,
      ].filter((part) => part !== null);
      return `${few.join(' and ')}; a test needs at least 2 per side and no runs are invented; ${hint}`;
    }
    case 'incomparable':
      return `the unit or direction changed (${reason.baselineUnit}, ${reason.baselineDirection} → ${comparison.unit}, ${comparison.direction}): not comparable`;
  }
}

/**
 * Why a comparison got its verdict, in one sentence, from its structured reason: the only place
 * these words are written.
 * @param comparison any comparison
 * @param context the producing tool, for the hint on repeated runs
 * @returns one sentence without a final period
 */
export function describeReason(comparison: Comparison, context: ReasonContext): string {
  const threshold = `${formatFraction(comparison.threshold)} threshold`;
  const method = describeMethod(comparison);
  const how = method === '' ? '' : `; ${method}`;
  switch (comparison.verdict) {
    case 'regressed':
    case 'improved': {
      const which = comparison.verdict === 'regressed' ? 'worse' : 'better';
      if (comparison.reason.cause === 'from-zero') {
        return `the baseline is constantly 0 and the current side is above it: any ${comparison.verdict === 'regressed' ? 'rise' : 'gain'} exceeds the threshold (${method})`;
      }
      const p = which === 'worse' ? comparison.p.worseAdjusted : comparison.p.betterAdjusted;
      return `${which} beyond the ${threshold} (Holm-adjusted p = ${formatP(p)}${how})`;
    }
    case 'unchanged':
      if (comparison.reason.cause === 'within-threshold') return `${significantly(comparison, comparison.reason.significant)} but within the ${threshold}`;
      if (isUnresolvedAcrossJobs(comparison)) return describeUnresolved(comparison, threshold);
      return `no significant change${method === '' ? '' : ` (${method})`}`;
    case 'inconclusive':
      return describeInconclusive(comparison, context, threshold, method);
    case 'new':
      return comparison.reason.cause === 'no-baseline'
        ? 'no baseline is stored yet: this run will become the first baseline once saved'
        : 'only the current run has this benchmark metric';
    case 'missing':
      return 'the baseline has this benchmark metric but the current run does not (removed, renamed or filtered out?)';
    case 'errored':
      return comparison.reason.side === 'both'
        ? `the benchmark errored on both sides: ${comparison.reason.message}`
        : `the ${comparison.reason.side} benchmark errored: ${comparison.reason.message}`;
  }
}

/**
 * One quality flag in words, one line.
 * @param flag the flag
 * @param comparison the comparison it belongs to (its sides' CV and run counts, threshold, alpha)
 */
export function describeFlag(flag: QualityFlag, comparison: Comparison): string {
  const n1 = comparison.baseline?.runs ?? 0;
  const n2 = comparison.current?.runs ?? 0;
  switch (flag.kind) {
    case 'high-cv': {
      const cvs = (['baseline', 'current'] as const)
        .filter((side) => flag.side === 'both' || flag.side === side)
        .map((side) => `${side} ${formatFraction(comparison[side]?.cv ?? 0)}`);
      return `runs vary more than the ${formatFraction(comparison.threshold)} threshold (coefficient of variation ${cvs.join(', ')})`;
    }
    case 'outliers': {
      const counts = (['baseline', 'current'] as const).filter((side) => flag[side] > 0).map((side) => `${formatCount(flag[side])} ${side}`);
      return `${counts.join(' and ')} ${flag.baseline + flag.current === 1 ? 'run' : 'runs'} outside Tukey's fences (k = ${flag.fence}); rank statistics limit their effect`;
    }
    case 'few-runs':
      return flag.cause === 'below-two'
        ? `fewer than 2 runs on ${sideWords(flag.side)}: no test is possible`
        : `with ${formatCount(n1)} and ${runs(n2)} the rank test can never reach alpha ${comparison.alpha}; use more runs`;
    case 'fingerprint-mismatch':
      return `measured on different machines: ${flag.differences.map((d) => `${FIELD_NAMES[d.field]} ${d.baseline} → ${d.current}`).join(', ')}`;
    case 'not-independent':
      return `within-process samples on ${sideWords(flag.side)} are not independent runs: compared as one job per side, widened by job-to-job noise`;
    case 'single-value':
      return `the tool reported one value (or only summary statistics) per job on ${sideWords(flag.side)}`;
  }
}

const FIELD_NAMES: Record<'cpuModel' | 'cores' | 'node', string> = { cpuModel: 'CPU', cores: 'cores', node: 'Node' };

/**
 * One way two machines differ, in words.
 * @param difference from `diffFingerprints`
 * @example describeDifference({ field: 'cores', baseline: '2', current: '4' }) // => 'cores 2 → 4'
 */
export function describeDifference(difference: { field: 'cpuModel' | 'cores' | 'node'; baseline: string; current: string }): string {
  return `${FIELD_NAMES[difference.field]} ${difference.baseline} → ${difference.current}`;
}

/** The sentences of a gate: why it failed, and what it let through. */
export interface GateWords {
  /** One line per group of blocking comparisons (regressions, inconclusive, errored). */
  reasons: string[];
  /** One line per group let through (advisory, fail-on never) or failing on another machine (warn). */
  warnings: string[];
}

/**
 * Puts a gate's decision into words, naming the comparisons (at most 3 per group).
 * @param report the report
 * @param format how a name from results is shown (escaping)
 */
export function describeGate(report: Report, format: (text: string) => string = (text) => text): GateWords {
  const find = (ref: ComparisonRef) => report.comparisons.find((c) => c.id === ref.id && c.metric === ref.metric);
  const resolve = (refs: readonly ComparisonRef[]) => refs.flatMap((ref) => find(ref) ?? []);
  const label = (c: Comparison) => {
    const change = 'change' in c && c.change !== null ? ` (${describeChangeShort(c)})` : '';
    return `${format(c.id)} ${format(c.metric)}${change}`;
  };
  const list = (cs: readonly Comparison[]) => {
    const shown = cs.slice(0, 3).map(label).join(', ');
    return cs.length > 3 ? `${shown} and ${formatCount(cs.length - 3)} more` : shown;
  };
  const blocking = resolve(report.gate.blocking);
  const reasons: string[] = [];
  const groups: [string, string, Comparison[]][] = [
    ['regression', 'regressions', blocking.filter((c) => c.verdict === 'regressed')],
    ['inconclusive comparison', 'inconclusive comparisons', blocking.filter((c) => c.verdict === 'inconclusive')],
    ['benchmark errored in the current run', 'benchmarks errored in the current run', blocking.filter((c) => c.verdict === 'errored')],
  ];
  if (report.shards !== undefined) {
    for (const problem of describeShardProblems(report.shards.problems, report.shards.count)) reasons.push(`the shard results are incomplete: ${problem}`);
  }
  for (const [one, many, group] of groups)
    if (group.length > 0) reasons.push(`${formatCount(group.length)} ${group.length === 1 ? one : many}: ${list(group)}`);
  const warnings: string[] = [];
  const advisory = resolve(report.gate.advisory);
  if (advisory.length > 0) {
    warnings.push(
      `not failing on ${formatCount(advisory.length)} ${advisory.length === 1 ? 'comparison' : 'comparisons'} measured on a different machine (fingerprint-mismatch: advisory): ${list(advisory)}`,
    );
  }
  const belowFail = resolve(report.gate.belowFailThreshold ?? []);
  if (belowFail.length > 0 && report.gate.failThreshold !== undefined) {
    warnings.push(
      `not failing on ${formatCount(belowFail.length)} ${belowFail.length === 1 ? 'regression' : 'regressions'} whose interval does not lie wholly beyond the fail threshold of ${formatPercent(-report.gate.failThreshold).replace('−', '')} throughput loss: ${list(belowFail)}`,
    );
  }
  const ignored = resolve(report.gate.ignored);
  if (ignored.length > 0)
    warnings.push(`fail-on is 'never': not failing on ${formatCount(ignored.length)} ${ignored.length === 1 ? 'comparison' : 'comparisons'}: ${list(ignored)}`);
  if (report.gate.fingerprintMismatch === 'warn') {
    const flagged = blocking.filter((c) => c.flags.some((f) => f.kind === 'fingerprint-mismatch'));
    if (flagged.length > 0)
      warnings.push(
        `${formatCount(flagged.length)} failing ${flagged.length === 1 ? 'comparison was' : 'comparisons were'} measured on a different machine: ${list(flagged)}`,
      );
  }
  return { reasons, warnings };
}

/**
 * The one-line summary for `core.setFailed` when the gate failed, e.g.
 * `benchgate: 1 regression: layout/ddsplit-replay latency-p50 (throughput −21.3%)`.
 * @param report a report whose gate failed
 */
export function describeGateFailure(report: Report): string {
  const { reasons } = describeGate(report);
  return `benchgate: ${reasons[0] ?? 'the gate failed'}${reasons.length > 1 ? ` (+${formatCount(reasons.length - 1)} more)` : ''}`;
}

/**
 * A comparison's change in a few words: throughput for timings and rates, the metric's own
 * change otherwise.
 * @param comparison a comparison with a change
 */
export function describeChangeShort(comparison: Comparison): string {
  const words = describeChange(comparison);
  if (words === null) return 'no relative change';
  return words.subject === 'throughput' ? `throughput ${words.value}` : `${words.subject} ${words.value}`;
}

/** The short name of each quality flag in the notes, explained once in {@link FLAG_LEGEND}. */
export const FLAG_NAMES: Record<QualityFlag['kind'], string> = {
  'high-cv': 'noisy',
  outliers: 'outliers',
  'few-runs': 'few runs',
  'fingerprint-mismatch': 'different machines',
  'not-independent': 'within-process samples',
  'single-value': 'one value per job',
};

/** What each quality flag means, said once per report section. */
export const FLAG_LEGEND: Record<QualityFlag['kind'], string> = {
  'high-cv': 'the runs vary more than the threshold, so a change of that size cannot be resolved reliably; more runs narrow the interval',
  outliers: "runs outside Tukey's fences; the rank statistics limit their effect",
  'few-runs': 'too few runs for the rank test to ever reach alpha; use more runs',
  'fingerprint-mismatch': 'the two sides ran on machines that differ in CPU, cores or Node; part of the change may be the machine',
  'not-independent': 'samples from one process are not independent runs: compared as one job per side, widened by job-to-job noise',
  'single-value': 'the tool reported one value (or only summary statistics) per job',
};

/**
 * A quality flag in a few words with its numbers, for the one line per benchmark in the notes;
 * {@link FLAG_LEGEND} says what it means.
 * @param flag the flag
 * @param comparison the comparison it belongs to
 * @example describeFlagShort({ kind: 'outliers', side: 'baseline', baseline: 2, current: 0, fence: 1.5 }, c) // => 'outliers: 2 baseline runs'
 */
export function describeFlagShort(flag: QualityFlag, comparison: Comparison): string {
  const name = FLAG_NAMES[flag.kind];
  switch (flag.kind) {
    case 'high-cv': {
      const cvs = (['baseline', 'current'] as const)
        .filter((side) => flag.side === 'both' || flag.side === side)
        .map((side) => `${side} ${formatFraction(Number((comparison[side]?.cv ?? 0).toPrecision(2)))}`);
      return `${name}: CV ${cvs.join(', ')}`;
    }
    case 'outliers': {
      const counts = (['baseline', 'current'] as const).filter((side) => flag[side] > 0).map((side) => `${formatCount(flag[side])} ${side}`);
      return `${name}: ${counts.join(', ')} ${flag.baseline + flag.current === 1 ? 'run' : 'runs'} (k = ${flag.fence})`;
    }
    case 'few-runs':
      return flag.cause === 'below-two'
        ? `${name}: fewer than 2 on ${sideWords(flag.side)}`
        : `${name}: ${formatCount(comparison.baseline?.runs ?? 0)} and ${formatCount(comparison.current?.runs ?? 0)}`;
    case 'fingerprint-mismatch':
      return `${name}: ${flag.differences.map((d) => `${FIELD_NAMES[d.field]} ${d.baseline} → ${d.current}`).join(', ')}`;
    case 'not-independent':
    case 'single-value':
      return flag.side === 'both' ? name : `${name} (${flag.side})`;
  }
}
