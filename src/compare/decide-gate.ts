import type { FINGERPRINT_MISMATCH_MODES } from './options.ts';
import type { Comparison, ComparisonRef, Gate, Report } from './schema.ts';

/** When the gate fails (input `fail-on`). */
export const FAIL_ON_MODES = ['regression', 'inconclusive', 'never'] as const;

/** How the gate reads the comparisons. */
export interface GateOptions {
  /** `regression` fails on a gated regression (or a gated benchmark erroring in the current run); `inconclusive` also on a gated inconclusive; `never` never fails. @default 'regression' */
  failOn: (typeof FAIL_ON_MODES)[number];
  /** `advisory`: a comparison flagged as measured on a different machine warns but cannot fail; `warn`: it can fail, with a warning; `ignore`: no flag was added, so nothing special. @default 'advisory' */
  fingerprintMismatch: (typeof FINGERPRINT_MISMATCH_MODES)[number];
  /**
   * github-action-benchmark's `fail-threshold`: a gated regression fails the gate only when its whole
   * interval lies beyond this throughput loss; one short of it is reported but lets the gate pass.
   * Null: every gated regression can fail. @default null
   */
  failThreshold: number | null;
}

/** The gate's defaults, the same as the action inputs' defaults. */
export const DEFAULT_GATE_OPTIONS: Readonly<GateOptions> = Object.freeze({ failOn: 'regression', fingerprintMismatch: 'advisory', failThreshold: null });

function refOf(comparison: Comparison): ComparisonRef {
  return { id: comparison.id, metric: comparison.metric };
}

/**
 * Whether a gated comparison would fail the gate under `failOn` (before the fingerprint policy):
 * regressed, errored in the current run, or inconclusive under `fail-on: inconclusive`.
 * @param comparison any comparison
 * @param failOn the fail-on mode
 */
export function failsGate(comparison: Comparison, failOn: GateOptions['failOn']): boolean {
  if (!comparison.gate) return false;
  if (comparison.verdict === 'regressed') return true;
  if (comparison.verdict === 'errored') return comparison.reason.side !== 'baseline';
  return failOn === 'inconclusive' && comparison.verdict === 'inconclusive';
}

/**
 * Decides whether the merge gate fails. Only comparisons with `gate: true` count. The result
 * names the comparisons that decided it; the report writes the sentences.
 * @param comparisons from `compareResults`
 * @param options fail-on and fingerprint-mismatch modes
 * @returns `failed`, the blocking comparisons, and those let through as advisory or by `fail-on: never`
 */
export function decideGate(comparisons: readonly Comparison[], options: Partial<GateOptions> = {}): Gate {
  const { failOn, fingerprintMismatch, failThreshold } = { ...DEFAULT_GATE_OPTIONS, ...options };
  const mismatched = (c: Comparison) => fingerprintMismatch !== 'ignore' && c.flags.some((f) => f.kind === 'fingerprint-mismatch');
  // A regression short of the fail threshold: even the interval's smallest throughput loss is below it.
  const belowFail = (c: Comparison) =>
    failThreshold !== null &&
    c.gate &&
    c.verdict === 'regressed' &&
    c.interval !== null &&
    Math.max(c.interval.throughput[0], c.interval.throughput[1]) > -failThreshold;
  const belowFailThreshold = comparisons.filter(belowFail);
  const candidates = comparisons.filter((c) => failsGate(c, failOn) && !belowFail(c));
  const advisory = fingerprintMismatch === 'advisory' ? candidates.filter(mismatched) : [];
  const rest = candidates.filter((c) => !advisory.includes(c));
  const blocking = failOn === 'never' ? [] : rest;
  const ignored = failOn === 'never' ? rest : [];
  return {
    failed: blocking.length > 0,
    failOn,
    fingerprintMismatch,
    blocking: blocking.map(refOf),
    advisory: advisory.map(refOf),
    ignored: ignored.map(refOf),
    ...(failThreshold === null ? {} : { failThreshold, belowFailThreshold: belowFailThreshold.map(refOf) }),
  };
}

/**
 * The gate of a report with no baseline: nothing can regress, so it passes.
 * @param options fail-on and fingerprint-mismatch modes, recorded
 */
export function passWithoutBaseline(options: Partial<GateOptions> = {}): Gate {
  const { failOn, fingerprintMismatch } = { ...DEFAULT_GATE_OPTIONS, ...options };
  return { failed: false, failOn, fingerprintMismatch, blocking: [], advisory: [], ignored: [] };
}

/** The action's `verdict` output. */
export type OutputVerdict = 'pass' | 'fail' | 'no-baseline';

/**
 * The verdict for the `verdict` output and the headline: `fail` when the gate failed, otherwise
 * `no-baseline` when there was nothing to compare with, otherwise `pass`.
 * @param report the report
 */
export function decideOutputVerdict(report: Pick<Report, 'gate' | 'baseline'>): OutputVerdict {
  if (report.gate.failed) return 'fail';
  if (report.baseline === null) return 'no-baseline';
  return 'pass';
}
