/** The compare stage: two results → comparisons with verdicts → report and gate. Pure. */
export { compareResults, describeChange } from './compare-results.ts';
export { decideVerdict, MAX_RUNS_NEEDED, type VerdictDecision, type VerdictInput } from './decide-verdict.ts';
export { decideGate, DEFAULT_GATE_OPTIONS, type GateOptions } from './decide-gate.ts';
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
export { estimateJobNoise, historyKey, JOB_NOISE_DF_PER_JOB, type HistoryJob, type JobNoise } from './history.ts';
export { chooseJobTerm, jobNoiseLimits, jobVariance, testAcrossJobs, type AcrossJobsTest, type JobTerm, type JobTermInput } from './job-term.ts';
export { repeatedRunsHint } from './tool-hints.ts';
export { describeFingerprintMismatch, diffFingerprints, FINGERPRINT_FIELDS, type FingerprintDifference } from './fingerprint.ts';
export * from './schema.ts';
