/**
 * Reads one criterion benchmark's time estimate from a `target/criterion` folder, as criterion
 * prints it: the slope when it measured one (linear sampling), else the mean; ns per iteration.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param criterionDir a `target/criterion` folder
 * @param id the benchmark id, e.g. `ddsplit/inline-error`
 * @returns ns per iteration
 * @throws Error naming the file when it is missing or has no estimate
 */
export function criterionEstimateNs(criterionDir: string, id: string): number {
  const file = path.join(criterionDir, ...id.split('/'), 'new', 'estimates.json');
  let estimates: Record<string, { point_estimate?: number } | null>;
  try {
    estimates = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read criterion's estimates (${(error as Error).message})`);
  }
  const value = estimates.slope?.point_estimate ?? estimates.mean?.point_estimate;
  if (typeof value !== 'number' || !(value > 0)) throw new Error(`${file}: no positive slope or mean point_estimate`);
  return value;
}
