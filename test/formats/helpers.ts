import { FormatError } from '../../src/formats/format-error.ts';
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Benchmark, Metric, Results } from '../../src/results/schema.ts';

/** Absolute path of a fixture under test/formats/fixtures. */
export function fixture(relative: string): string {
  return path.join(import.meta.dirname, 'fixtures', relative);
}

/** A fixture's text. */
export function fixtureText(relative: string): string {
  return readFileSync(fixture(relative), 'utf8');
}

/** A fixture's JSON. */
export function fixtureJson(relative: string): any {
  return JSON.parse(fixtureText(relative));
}

/** The benchmark with this id, failing loudly when it is absent. */
export function benchmark(results: Results, id: string): Benchmark {
  const found = results.benchmarks.find((b) => b.id === id);
  if (!found) throw new Error(`no benchmark '${id}' in ${results.benchmarks.map((b) => b.id).join(', ')}`);
  return found;
}

/** The metric of a benchmark with this name, failing loudly when it is absent. */
export function metric(results: Results, id: string, name: string): Metric {
  const found = benchmark(results, id).metrics.find((m) => m.name === name);
  if (!found) throw new Error(`no metric '${name}' on '${id}'`);
  return found;
}

/** The median of the values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Ratio of the centre of a metric in `slow` to that in `base` (mean for aggregates). */
export function centreRatio(base: Metric, slow: Metric): number {
  const centre = (m: Metric) => m.aggregate?.mean ?? median(m.runs);
  return centre(slow) / centre(base);
}

/** The FormatError `run` throws; fails the test when it throws something else or nothing. */
export function formatError(run: () => unknown): FormatError {
  try {
    run();
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('expected a FormatError');
}
