/**
 * The stages that the action (`main.ts`) and the CLI (`cli.ts`) share: measure or read results,
 * compare them into a report, and write the report files. Thin I/O around the pure core.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { Config } from './config/config.ts';
import { ConfigError, DEFAULT_SUITES } from './config/config.ts';
import {
  compareResults,
  createReport,
  mergeCompareConfig,
  parseCompareConfig,
  resolveCompareOptions,
  type BaselineChoice,
  type CompareOptions,
  type HistoryJob,
  type Report,
} from './compare/index.ts';
import { parseToolOutput, type ToolName } from './formats/index.ts';
import { renderSummary } from './report/render-summary.ts';
import type { Environment, Results } from './results/schema.ts';
import { runSuites, type RunLog } from './runner/run-suites.ts';

/** Where the results being measured come from, beside the config. */
export interface MeasureContext {
  cwd: string;
  env: Record<string, string | undefined>;
  commit: string | null;
  ref: string | null;
  environment: Environment;
  log: RunLog;
}

/**
 * Produces this run's results: runs the suites, or, with `output-file-path`, reads another
 * tool's output with its adapter.
 */
export async function measure(config: Config, context: MeasureContext): Promise<Results> {
  if (config.outputFilePath !== null) {
    return parseToolOutput(config.outputFilePath, config.tool, {
      commit: context.commit,
      ref: context.ref,
      environment: context.environment,
    });
  }
  return runSuites(
    {
      suites: config.suites,
      runs: config.runs,
      time: config.time,
      warmupTime: config.warmupTime,
      retainSamples: config.retainSamples,
      filter: config.filter,
      runTimeout: config.runTimeout,
      seed: config.seed,
      cwd: context.cwd,
      env: context.env,
    },
    { commit: context.commit, ref: context.ref, environment: context.environment },
    context.log,
  );
}

/**
 * Reads a results file or another tool's output for `benchgate compare`. `auto` recognises
 * our own results files too.
 */
export async function loadResults(file: string, tool: ToolName | 'auto', environment: Environment): Promise<Results> {
  return parseToolOutput(file, tool, { commit: null, ref: null, environment });
}

/** The compare options a config asks for, with its overrides file applied. */
export async function readCompareOptions(config: Config, history: HistoryJob[], tool: string | null): Promise<CompareOptions> {
  let options = resolveCompareOptions({
    threshold: config.threshold,
    alpha: config.alpha,
    interval: config.interval,
    seed: config.seed,
    fingerprintMismatch: config.fingerprintMismatch,
    history,
    tool,
  });
  if (config.configFile !== null) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(config.configFile, 'utf8'));
    } catch (error: unknown) {
      throw new ConfigError(`config file ${config.configFile}: ${(error as Error).message}`);
    }
    options = mergeCompareConfig(options, parseCompareConfig(json, config.configFile));
  }
  return options;
}

/** Quotes a shell word when it needs it, for the reproduce command. */
export function shellWord(word: string): string {
  return /^[\w./:%=@-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The commands that reproduce an action run locally: fetch the stored baseline (from the data
 * branch, or the baseline file), measure with the same settings and seed, and compare.
 * @param config the run's settings (runs, time, seed, suites, filter, threshold, alpha, config file)
 * @param baseline the baseline file, or a shell command that writes baseline.json; null when there was none
 */
export function describeReproduction(config: Config, baseline: { file: string } | { fetch: string } | null): string {
  const run = ['npx', 'benchgate', 'run', '--runs', String(config.runs), '--time', String(config.time), '--seed', String(config.seed), '--out', 'current.json'];
  if (config.suites !== DEFAULT_SUITES) run.push('--suites', config.suites);
  if (config.filter !== null) run.push('--filter', config.filter);
  const measureCommand = run.map(shellWord).join(' ');
  if (baseline === null) return measureCommand;
  const file = 'file' in baseline ? baseline.file : 'baseline.json';
  const compare = ['npx', 'benchgate', 'compare', file, 'current.json', '--threshold', `${Number((config.threshold * 100).toFixed(4))}%`, '--alpha', String(config.alpha)];
  if (config.configFile !== null) compare.push('--config', config.configFile);
  return [...('fetch' in baseline ? [baseline.fetch] : []), measureCommand, compare.map(shellWord).join(' ')].join(' && ');
}

/** Everything `buildReport` needs beside the config. */
export interface ReportInput {
  baseline: Results | null;
  baselineChoice: BaselineChoice | null;
  history: HistoryJob[];
  current: Results;
  reproduce: string;
}

/** Compares the two sides and assembles the `benchgate/report@1` object. */
export async function buildReport(config: Config, input: ReportInput): Promise<Report> {
  const options = await readCompareOptions(config, input.history, input.current.tool);
  const comparisons = compareResults(input.baseline, input.current, options);
  return createReport({
    benchmarkSet: config.benchmarkSet,
    baseline: input.baseline,
    baselineChoice: input.baselineChoice,
    current: input.current,
    options,
    comparisons,
    gate: { failOn: config.failOn, fingerprintMismatch: config.fingerprintMismatch },
    reproduce: input.reproduce,
  });
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/**
 * Writes the report JSON and markdown (the full report, as the job summary shows it).
 * @returns the markdown that was written
 */
export async function writeReportFiles(report: Report, jsonFile: string, markdownFile: string): Promise<string> {
  const markdown = renderSummary(report);
  await writeAtomically(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeAtomically(markdownFile, markdown);
  return markdown;
}
