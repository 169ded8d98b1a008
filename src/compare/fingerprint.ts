import type { Environment } from '../results/schema.ts';

function nodeMajor(version: string): string {
  return /^v?(\d+)/.exec(version.trim())?.[1] ?? version;
}

/**
 * Lists how two environment fingerprints differ in what affects timings: CPU model, core count
 * and Node major version (OS, arch and runner image are recorded but not compared).
 * @param baseline the baseline's environment
 * @param current the current run's environment
 * @returns one phrase per difference; empty when they match
 * @example
 * describeFingerprintMismatch(a, { ...a, cores: 4 }) // => ['cores 2 → 4']
 */
export function describeFingerprintMismatch(baseline: Environment, current: Environment): string[] {
  const differences: string[] = [];
  if (baseline.cpuModel !== current.cpuModel) differences.push(`CPU '${baseline.cpuModel}' → '${current.cpuModel}'`);
  if (baseline.cores !== current.cores) differences.push(`cores ${baseline.cores} → ${current.cores}`);
  if (nodeMajor(baseline.node) !== nodeMajor(current.node)) {
    differences.push(`Node ${nodeMajor(baseline.node)} → ${nodeMajor(current.node)}`);
  }
  return differences;
}
