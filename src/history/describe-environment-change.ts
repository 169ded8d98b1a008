import type { Environment } from '../results/schema.ts';

function nodeMajor(version: string): string {
  return /^v?(\d+)/.exec(version.trim())?.[1] ?? version;
}

/**
 * Lists how the runner environment changed between two jobs, in what can move timings: CPU
 * model, core count, OS, architecture, Node major version and runner image. A change point with
 * one of these at its edge may be the machine, not the code.
 * @param before the environment of the earlier job
 * @param after the environment of the later job
 * @returns one phrase per difference; empty when nothing relevant changed
 * @example
 * describeEnvironmentChange(a, { ...a, runnerImage: 'ubuntu24/20260101.1' }) // => ["runner image 'ubuntu22/20250101.1' → 'ubuntu24/20260101.1'"]
 */
export function describeEnvironmentChange(before: Environment, after: Environment): string[] {
  const changes: string[] = [];
  if (before.cpuModel !== after.cpuModel) changes.push(`CPU '${before.cpuModel}' → '${after.cpuModel}'`);
  if (before.cores !== after.cores) changes.push(`cores ${before.cores} → ${after.cores}`);
  if (before.os !== after.os) changes.push(`OS '${before.os}' → '${after.os}'`);
  if (before.arch !== after.arch) changes.push(`arch ${before.arch} → ${after.arch}`);
  if (nodeMajor(before.node) !== nodeMajor(after.node)) changes.push(`Node ${nodeMajor(before.node)} → ${nodeMajor(after.node)}`);
  if (before.runnerImage !== after.runnerImage) changes.push(`runner image '${before.runnerImage ?? 'none'}' → '${after.runnerImage ?? 'none'}'`);
  return changes;
}
