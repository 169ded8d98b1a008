/**
 * Reads criterion's time estimates of one benchmark from a `target/criterion` folder
 * (criterion 0.3: `<id>/new/estimates.json`, `{"mean":{"point_estimate":ns,…},"median":{…},"slope":{…}}`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One benchmark's point estimates, ns per iteration. */
export interface CriterionEstimates {
  mean: number;
  median: number;
  /** Present when criterion used linear sampling. */
  slope?: number;
}

/**
 * @param criterionDir a `target/criterion` folder
 * @param id the benchmark id, e.g. `ddsplit/inline-error`
 * @returns the mean, median and (when measured) slope
 * @throws Error naming the file when it is missing or lacks a positive mean or median
 */
export function readCriterionEstimates(criterionDir: string, id: string): CriterionEstimates {
  const file = path.join(criterionDir, ...id.split('/'), 'new', 'estimates.json');
  let json: Record<string, { point_estimate?: unknown } | null>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read criterion's estimates (${(error as Error).message})`);
  }
  const point = (name: string): number | undefined => {
    const value = json[name]?.point_estimate;
    return typeof value === 'number' && value > 0 ? value : undefined;
  };
  const mean = point('mean');
  const median = point('median');
  if (mean === undefined || median === undefined) throw new Error(`${file}: expected positive mean.point_estimate and median.point_estimate (ns)`);
  const slope = point('slope');
  return slope === undefined ? { mean, median } : { mean, median, slope };
}

/**
 * The estimate criterion prints: the slope when it measured one, else the mean; ns per iteration.
 * @param criterionDir a `target/criterion` folder
 * @param id the benchmark id
 */
export function criterionEstimateNs(criterionDir: string, id: string): number {
  const estimates = readCriterionEstimates(criterionDir, id);
  return estimates.slope ?? estimates.mean;
}
