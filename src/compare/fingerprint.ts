import type { Environment } from '../results/schema.ts';
import type { FINGERPRINT_MISMATCH_MODES } from './options.ts';
import type { FingerprintDifference } from './schema.ts';

/** The environment fields that affect timings, compared between the two sides. */
export const FINGERPRINT_FIELDS = ['cpuModel', 'cores', 'node'] as const satisfies readonly FingerprintDifference['field'][];

function nodeMajor(version: string): string {
  return /^v?(\d+)/.exec(version.trim())?.[1] ?? version;
}

function fingerprintValue(environment: Environment, field: FingerprintDifference['field']): string {
  return field === 'node' ? nodeMajor(environment.node) : String(environment[field]);
}

/**
 * The one environment comparison: how two environment fingerprints differ in what affects
 * timings (CPU model, core count, Node major version; OS, arch and runner image are recorded but
 * not compared). Compare flags a comparison `fingerprint-mismatch` from it, and the report says
 * the machines differ from it, with the same mode, so the two always agree.
 * @param baseline the baseline's environment
 * @param current the current run's environment
 * @param mode the `fingerprint-mismatch` input; `ignore` reports no difference
 * @returns the differences, in `FINGERPRINT_FIELDS` order; empty when they match
 * @example
 * diffFingerprints(a, { ...a, cores: 4 }) // => [{ field: 'cores', baseline: '2', current: '4' }]
 */
export function diffFingerprints(
  baseline: Environment,
  current: Environment,
  mode: (typeof FINGERPRINT_MISMATCH_MODES)[number] = 'advisory',
): FingerprintDifference[] {
  if (mode === 'ignore') return [];
  return FINGERPRINT_FIELDS.flatMap((field) => {
    const [before, after] = [fingerprintValue(baseline, field), fingerprintValue(current, field)];
    return before === after ? [] : [{ field, baseline: before, current: after }];
  });
}
