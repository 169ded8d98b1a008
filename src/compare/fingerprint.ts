import type { Environment } from '../results/schema.ts';
import type { FingerprintDifference } from './schema.ts';

function nodeMajor(version: string): string {
  return /^v?(\d+)/.exec(version.trim())?.[1] ?? version;
}

/**
 * The one environment comparison: how two fingerprints differ in what affects timings — CPU
 * model, core count and Node major version (OS, arch and runner image are recorded but not
 * compared). The quality flag, the gate's `fingerprint-mismatch` policy and the report's
 * "measured on different machines" warning all read this.
 * @param baseline the baseline's environment
 * @param current the current run's environment
 * @returns one entry per differing field; empty when they match
 * @example
 * diffFingerprints(a, { ...a, cores: 4 }) // => [{ field: 'cores', baseline: '2', current: '4' }]
 */
export function diffFingerprints(baseline: Environment, current: Environment): FingerprintDifference[] {
  const differences: FingerprintDifference[] = [];
  if (baseline.cpuModel !== current.cpuModel) differences.push({ field: 'cpuModel', baseline: baseline.cpuModel, current: current.cpuModel });
  if (baseline.cores !== current.cores) differences.push({ field: 'cores', baseline: String(baseline.cores), current: String(current.cores) });
  const [before, after] = [nodeMajor(baseline.node), nodeMajor(current.node)];
  if (before !== after) differences.push({ field: 'node', baseline: before, current: after });
  return differences;
}
