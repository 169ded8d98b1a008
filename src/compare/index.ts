/** The compare stage: two results → comparisons with verdicts → report and gate. Pure. */
export { compareResults, describeChange, describeInterval } from './compare-results.ts';
export { comparePaired, type PairedLook } from './compare-paired.ts';
export { analyzePaired, smallestSignedRankP, type PairedAnalysis } from './analyze-paired.ts';
export { isDecided, undecidedGatedIds } from './stop-rule.ts';
export { decideFamilies, type DecideFamiliesOptions, type PendingComparison } from './decide-families.ts';
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
export { estimateJobNoise, historyKey, JOB_NOISE_DF_PER_JOB, type HistoryJob, type JobNoise } from './history.ts';
export { chooseJobTerm, combinedDf, jobNoiseLimits, jobVariance, testAcrossJobs, type AcrossJobsTest, type JobTerm, type JobTermInput } from './job-term.ts';
export { diffFingerprints, FINGERPRINT_FIELDS } from './fingerprint.ts';
export { parseReport } from './parse-report.ts';
export * from './schema.ts';
