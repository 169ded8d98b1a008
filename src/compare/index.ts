/** The compare stage: two results → comparisons with verdicts → report and gate. Pure. */
export { compareResults, describeChange } from './compare-results.ts';
export { decideVerdict, MAX_RUNS_NEEDED, type VerdictDecision, type VerdictInput } from './decide-verdict.ts';
export { decideGate, decideOutputVerdict, DEFAULT_GATE_OPTIONS, failsGate, passWithoutBaseline, type GateOptions, type OutputVerdict } from './decide-gate.ts';
export { summarizeVerdicts } from './summarize-verdicts.ts';
export { createReport, type CreateReportInput } from './create-report.ts';
export { DEFAULT_COMPARE_OPTIONS, mergeCompareConfig, resolveCompareOptions, type CompareOptions } from './options.ts';
export {
  CompareConfigError,
  CompareConfigSchema,
  CompareOverrideSchema,
  parseCompareConfig,
  resolveOverrides,
  type CompareConfig,
  type CompareOverride,
  type ResolvedSettings,
} from './compare-config.ts';
export { parseThreshold } from './parse-threshold.ts';
export { globToRegExp } from './glob.ts';
export { estimateJobNoise, historyKey, type HistoryJob, type JobNoise } from './history.ts';
export { diffFingerprints, FINGERPRINT_FIELDS } from './fingerprint.ts';
export { parseReport } from './parse-report.ts';
export * from './schema.ts';
