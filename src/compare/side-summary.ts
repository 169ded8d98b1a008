import type { Metric } from '../results/schema.ts';
import { coefficientOfVariation, median } from '../stats/index.ts';
import type { SideSummary } from './schema.ts';

/**
 * One side's center: the median of its runs, or the reported mean of an aggregate-only metric.
 * @returns null when the metric has neither
 */
export function centerOf(metric: Metric): number | null {
  if (metric.runs.length > 0) return median(metric.runs);
  return metric.aggregate?.mean ?? null;
}

/**
 * Summarizes one side of a comparison for the report: run count, center, coefficient of variation.
 * @param metric the side's metric
 */
export function summarizeSide(metric: Metric): SideSummary {
  let cv: number | null = null;
  if (metric.runs.length >= 2) {
    const value = coefficientOfVariation(metric.runs);
    cv = Number.isFinite(value) ? Math.abs(value) : null;
  } else if (metric.aggregate && metric.aggregate.mean !== 0) {
    cv = metric.aggregate.stddev / Math.abs(metric.aggregate.mean);
  }
  return { runs: metric.runs.length, center: centerOf(metric), cv, observation: metric.observation };
}
