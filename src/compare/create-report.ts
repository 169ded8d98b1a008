import type { Results } from '../results/schema.ts';
import { decideGate, DEFAULT_GATE_OPTIONS, passWithoutBaseline, type GateOptions } from './decide-gate.ts';
import { resolveCompareOptions, type CompareOptions } from './options.ts';
import { REPORT_SCHEMA, type BaselineChoice, type Comparison, type Report, type SideInfo } from './schema.ts';
import { summarizeVerdicts } from './summarize-verdicts.ts';

/** Everything a `benchgate/report@2` is assembled from. */
export interface CreateReportInput {
  benchmarkSet: string;
  baseline: Results | null;
  baselineChoice: BaselineChoice | null;
  current: Results;
  /** The options `compareResults` ran with. */
  options: Partial<CompareOptions>;
  comparisons: Comparison[];
  gate: Partial<GateOptions>;
  /** The CLI command that reproduces this comparison. */
  reproduce: string;
}

function describeSide(results: Results): SideInfo {
  return {
    tool: results.tool,
    commit: results.commit,
    ref: results.ref,
    createdAt: results.createdAt,
    environment: results.environment,
    seed: results.seed,
  };
}

/**
 * Assembles the report: both sides' provenance, the settings, the comparisons, counts per
 * verdict and the gate. With no baseline nothing can regress, so the gate does not fail.
 * @param input the results, options and comparisons
 * @returns the report object (validate with `ReportSchema` before writing, if wanted)
 */
export function createReport(input: CreateReportInput): Report {
  const options = resolveCompareOptions(input.options);
  const gateOptions = { ...DEFAULT_GATE_OPTIONS, ...input.gate };
  const gate = input.baseline === null ? passWithoutBaseline(gateOptions) : decideGate(input.comparisons, gateOptions);
  return {
    schema: REPORT_SCHEMA,
    benchmarkSet: input.benchmarkSet,
    baseline: input.baseline ? describeSide(input.baseline) : null,
    baselineChoice: input.baselineChoice,
    current: describeSide(input.current),
    settings: {
      threshold: options.threshold,
      alpha: options.alpha,
      interval: options.interval,
      confidence: options.confidence,
      seed: options.seed,
      ...(options.interval === 'bootstrap' ? { resamples: options.resamples } : {}),
      jobNoiseFloor: options.jobNoiseFloor,
      minHistoryJobs: options.minHistoryJobs,
      failOn: gateOptions.failOn,
      fingerprintMismatch: gateOptions.fingerprintMismatch,
    },
    comparisons: input.comparisons,
    summary: summarizeVerdicts(input.comparisons),
    gate,
    reproduce: input.reproduce,
  };
}
