/**
 * The R reference values (make-reference.R → reference.json), SciPy's second opinion
 * (make-scipy-reference.py → scipy-reference.json), and the comparisons every stats
 * test uses. Tolerance: 1e-6 relative for probabilities ≥ 1e-12, as the design asks; below that
 * only "tiny" is checked. Quantiles and statistics are held to 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

interface Sample {
  name: string;
  x: number[];
  y: number[];
}

export interface Reference {
  generatedBy: string;
  normalCdf: { z: number; p: number }[];
  normalQuantile: { p: number; z: number }[];
  tCdf: { t: number; df: number; p: number }[];
  tQuantile: { p: number; df: number; t: number }[];
  incompleteBeta: { x: number; a: number; b: number; p: number }[];
  logBeta: { a: number; b: number; value: number }[];
  incompleteGamma: { a: number; x: number; p: number; q: number }[];
  uDistribution: { m: number; n: number; p: number[] }[];
  welch: (Sample & { t: number; df: number; pTwoSided: number; pLess: number; pGreater: number })[];
  mannWhitney: (Sample & { exact: boolean; u: number; pTwoSided: number; pLess: number; pGreater: number })[];
  hodgesLehmann: (Sample & { exact: boolean; confidence: number; shift: number; low: number; high: number; rConfidence: number })[];
  randomRank: {
    x: number[];
    y: number[];
    exact: boolean;
    confidence: number;
    low: number;
    high: number;
    u: number;
    pTwoSided: number;
    pLess: number;
    pGreater: number;
  }[];
  adjust: { p: number[]; holm: number[]; bh: number[] }[];
  fences: { x: number[]; low: number; high: number; farLow: number; farHigh: number; cv: number }[];
  /** wilcox.test(x, mu = 0, exact = NULL, correct = TRUE, conf.int = TRUE); low/high null where R gives NaN. */
  signedRank: SignedRankRow[];
  /** Cases where R gives no interval; a NaN p is null. */
  signedRankPOnly: { name: string; x: number[]; v: number; pTwoSided: number | null; pLess: number; pGreater: number }[];
  randomSignedRank: SignedRankRow[];
  signedRankDistribution: { n: number; p: number[] }[];
}

/** One row of R's signed-rank test and one-sample Hodges–Lehmann interval. */
export interface SignedRankRow {
  name: string;
  x: number[];
  exact: boolean;
  v: number;
  pTwoSided: number;
  pLess: number;
  pGreater: number;
  confidence: number;
  estimate: number;
  low: number | null;
  high: number | null;
  rConfidence: number;
}

export const reference = JSON.parse(readFileSync(path.join(import.meta.dirname, 'reference.json'), 'utf8')) as Reference;

/** SciPy's values for a second opinion (make-scipy-reference.py → scipy-reference.json). */
export interface ScipyReference {
  generatedBy: string;
  mannWhitneyAsymptotic: (Sample & { u: number; pTwoSided: number; pLess: number; pGreater: number })[];
  welch: (Sample & { t: number; pTwoSided: number; pLess: number; pGreater: number })[];
  tCdf: { t: number; df: number; p: number }[];
  tQuantile: { p: number; df: number; t: number }[];
  /** wilcoxon(x, zero_method = 'wilcox', correction = True, method = …); v is V+. */
  signedRank: { name: string; x: number[]; method: 'exact' | 'approx'; v: number; pTwoSided: number; pLess: number; pGreater: number }[];
}

export const scipyReference = JSON.parse(readFileSync(path.join(import.meta.dirname, 'scipy-reference.json'), 'utf8')) as ScipyReference;

/** |actual − expected| ≤ tolerance · |expected|, or |actual| < 1e-15 when 0 is expected. */
export function expectRelative(actual: number, expected: number, tolerance: number): void {
  if (expected === 0) {
    expect(Math.abs(actual)).toBeLessThan(1e-15);
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `actual ${actual}, expected ${expected}, relative error ${error}`).toBeLessThanOrEqual(tolerance);
}

/** The design's accuracy target for probabilities: 1e-6 relative where p ≥ 1e-12, else tiny. */
export function expectProbability(actual: number, expected: number): void {
  if (expected >= 1e-12) expectRelative(actual, expected, 1e-6);
  else expect(actual).toBeLessThan(1e-11);
}

/** Fixed seeds keep every property run reproducible. */
export const PROPERTY_RUNS = { numRuns: 200 } as const;

/** Alpha spent at each look (make-spending-reference.R → spending-reference.json): R's formulas and rpact's. */
export interface SpendingReference {
  generatedBy: string;
  spending: { alpha: number; maxLooks: number; spending: 'pocock' | 'obrien-fleming'; formula: number[]; rpact: number[] }[];
}

export const spendingReference = JSON.parse(readFileSync(path.join(import.meta.dirname, 'spending-reference.json'), 'utf8')) as SpendingReference;
