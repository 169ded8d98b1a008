import type { FINGERPRINT_MISMATCH_MODES } from './options.ts';
import type { Comparison, Gate } from './schema.ts';

/** When the gate fails (input `fail-on`). */
export const FAIL_ON_MODES = ['regression', 'inconclusive', 'never'] as const;

/** How the gate reads the comparisons. */
export interface GateOptions {
  /** `regression` fails on a gated regression (or a gated benchmark erroring in the current run); `inconclusive` also on a gated inconclusive; `never` never fails. @default 'regression' */
  failOn: (typeof FAIL_ON_MODES)[number];
  /** `advisory`: a comparison flagged as measured on a different machine warns but cannot fail; `warn`: it can fail, with a warning; `ignore`: no flag was added, so nothing special. @default 'advisory' */
  fingerprintMismatch: (typeof FINGERPRINT_MISMATCH_MODES)[number];
}

/** The gate's defaults, the same as the action inputs' defaults. */
export const DEFAULT_GATE_OPTIONS: Readonly<GateOptions> = Object.freeze({ failOn: 'regression', fingerprintMismatch: 'advisory' });

function label(comparison: Comparison): string {
  const change = comparison.change ? ` (throughput ${comparison.change.throughput >= 0 ? '+' : '−'}${Math.abs(comparison.change.throughput * 100).toFixed(1)}%)` : '';
  return `${comparison.id} ${comparison.metric}${change}`;
}

function list(comparisons: readonly Comparison[]): string {
  const shown = comparisons.slice(0, 3).map(label).join(', ');
  return comparisons.length > 3 ? `${shown} and ${comparisons.length - 3} more` : shown;
}

/**
 * Decides whether the merge gate fails. Only comparisons with `gate: true` count.
 * @param comparisons from `compareResults`
 * @param options fail-on and fingerprint-mismatch modes
 * @returns `failed` and one-line reasons (why it failed), plus warnings that did not fail it
 */
export function decideGate(comparisons: readonly Comparison[], options: Partial<GateOptions> = {}): Gate {
  const { failOn, fingerprintMismatch } = { ...DEFAULT_GATE_OPTIONS, ...options };
  const gated = comparisons.filter((c) => c.gate);
  const mismatched = (c: Comparison) => fingerprintMismatch !== 'ignore' && c.flags.some((f) => f.kind === 'fingerprint-mismatch');
  const failing = (c: Comparison) =>
    c.verdict === 'regressed' ||
    (c.verdict === 'errored' && c.error?.side !== 'baseline') ||
    (failOn === 'inconclusive' && c.verdict === 'inconclusive');

  const candidates = gated.filter(failing);
  const advisory = fingerprintMismatch === 'advisory' ? candidates.filter(mismatched) : [];
  const blocking = failOn === 'never' ? [] : candidates.filter((c) => !advisory.includes(c));

  const reasons: string[] = [];
  const warnings: string[] = [];
  const groups: [string, Comparison[]][] = [
    ['regression', blocking.filter((c) => c.verdict === 'regressed')],
    ['inconclusive comparison', blocking.filter((c) => c.verdict === 'inconclusive')],
    ['benchmark errored in the current run', blocking.filter((c) => c.verdict === 'errored')],
  ];
  for (const [noun, group] of groups) {
    if (group.length > 0) reasons.push(`${group.length} ${noun}${group.length > 1 && noun !== 'benchmark errored in the current run' ? 's' : ''}: ${list(group)}`);
  }
  if (advisory.length > 0) {
    warnings.push(`not failing on ${advisory.length} comparison(s) measured on a different machine (fingerprint-mismatch: advisory): ${list(advisory)}`);
  }
  if (failOn === 'never' && candidates.length > 0) {
    warnings.push(`fail-on is 'never': not failing on ${candidates.length} comparison(s): ${list(candidates)}`);
  }
  if (fingerprintMismatch === 'warn') {
    const flagged = blocking.filter(mismatched);
    if (flagged.length > 0) warnings.push(`${flagged.length} failing comparison(s) were measured on a different machine: ${list(flagged)}`);
  }
  return { failed: reasons.length > 0, reasons, warnings };
}
