import { z } from 'zod';
import { FORMAT_TOOLS, type ToolName } from '../formats/tools.ts';

/** The default suite glob: every `*.bench.*` file under `benchmarks/`. */
export const DEFAULT_SUITES = 'benchmarks/**/*.bench.{ts,mts,js,mjs}';

/**
 * Every setting of a benchgate run, validated once. Filled from the action's inputs
 * (`readActionConfig`) or the CLI's flags (`parseCliArgs`); each field's `@default` is the
 * value both use when the input or flag is absent.
 */
export interface Config {
  /** `run` benchmarks and compare; `comment` posts a report made by an earlier job. @default 'run' */
  mode: 'run' | 'comment';
  /** @default DEFAULT_SUITES */
  suites: string;
  /** @default 10 */
  runs: number;
  /** tinybench time per task and run, ms. @default 100 */
  time: number;
  /** @default 20 */
  warmupTime: number;
  /** @default false */
  retainSamples: boolean;
  /** @default null (every benchmark) */
  filter: string | null;
  /** ms. @default 300000 */
  runTimeout: number;
  /** @default a random seed, printed */
  seed: number;
  /** Results file written by the runner or an adapter. @default 'benchgate-results.json' */
  output: string;
  /** `benchgate` runs suites; any other reads `outputFilePath` with that adapter. @default 'benchgate' or 'auto' */
  tool: ToolName | 'auto';
  /** Another tool's output to compare instead of running suites. @default null */
  outputFilePath: string | null;
  /** @default 'default' */
  benchmarkSet: string;
  /** @default 'git-branch' (or 'file' when `baselineFile` is set) */
  baselineStore: 'git-branch' | 'file';
  /** @default null */
  baselineFile: string | null;
  /** @default false */
  saveBaseline: boolean;
  /** @default 'benchgate-data' */
  dataBranch: string;
  /** Branches whose pushes save a baseline; empty means the repository's default branch. @default [] */
  saveOn: string[];
  /** @default 100 */
  maxHistory: number;
  /** @default 'advisory' */
  fingerprintMismatch: 'warn' | 'ignore' | 'advisory';
  /** Relative worsening that counts as a regression. @default 0.05 */
  threshold: number;
  /** @default 0.01 */
  alpha: number;
  /** @default 'hodges-lehmann' */
  interval: 'hodges-lehmann' | 'bootstrap';
  /** Per-benchmark overrides file. @default 'benchgate.config.json' when it exists */
  configFile: string | null;
  /** @default 'regression' */
  failOn: 'regression' | 'inconclusive' | 'never';
  /** @default 'change' */
  commentOn: 'always' | 'change' | 'never';
  /** Report JSON to read in `comment` mode. @default null */
  reportFile: string | null;
  /** @default 'benchgate-report.json' */
  reportJson: string;
  /** @default 'benchgate-report.md' */
  reportMarkdown: string;
  /** @default '' */
  githubToken: string;
}

/** Invalid input: the message names the input or flag and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses a threshold such as `5%`, `0.05` or `5 %`.
 * @param name the input's name, for the message
 * @param text the value
 * @returns the fraction, e.g. 0.05
 */
export function parseThresholdInput(name: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) throw new ConfigError(`input '${name}' must be a percentage like 5% or a fraction like 0.05, got '${text}'`);
  const value = match[2] ? Number(match[1]) / 100 : Number(match[1]);
  // A throughput loss: 100% would mean no work done at all (a 2× slowdown is a 50% loss).
  if (!(value > 0 && value < 1)) throw new ConfigError(`input '${name}' must be a throughput loss above 0% and below 100%, got '${text}'`);
  return value;
}

const positiveInt = (name: string) =>
  z.coerce
    .number({ error: `input '${name}' must be a number` })
    .int(`input '${name}' must be a whole number`)
    .positive(`input '${name}' must be at least 1`);

function oneOf<const T extends string>(name: string, values: readonly T[], text: string): T {
  if ((values as readonly string[]).includes(text)) return text as T;
  throw new ConfigError(`input '${name}' must be one of ${values.join(', ')}, got '${text}'`);
}

function parseWith<T>(schema: z.ZodType<T>, text: string): T {
  const parsed = schema.safeParse(text);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]!.message);
  return parsed.data;
}

function parseBoolean(name: string, text: string): boolean {
  if (/^(true|yes|1|on)$/i.test(text)) return true;
  if (/^(false|no|0|off)$/i.test(text)) return false;
  throw new ConfigError(`input '${name}' must be true or false, got '${text}'`);
}

/**
 * Reads one named input; returns '' when absent. Both the action (`core.getInput`) and the CLI
 * (its parsed flags) provide one.
 */
export type InputSource = (name: string) => string;

/**
 * Builds and validates the config from kebab-case inputs, the one place where every input is checked.
 * @param input reads an input by its kebab-case name; '' means absent
 * @param randomSeed the seed to use when none is given
 * @param fileExists whether a path exists (for the default `benchgate.config.json`)
 * @throws ConfigError naming the input
 */
export function buildConfig(input: InputSource, randomSeed: number, fileExists: (path: string) => boolean): Config {
  const text = (name: string, fallback: string) => input(name).trim() || fallback;
  const optional = (name: string) => input(name).trim() || null;
  const alpha = Number(text('alpha', '0.01'));
  if (!(alpha > 0 && alpha < 1)) throw new ConfigError(`input 'alpha' must be in (0, 1), got '${input('alpha')}'`);
  const outputFilePath = optional('output-file-path');
  const baselineFile = optional('baseline-file');
  const filter = optional('filter');
  if (filter !== null) {
    try {
      new RegExp(filter);
    } catch (error: unknown) {
      throw new ConfigError(`input 'filter' is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const configFile = optional('config') ?? (fileExists('benchgate.config.json') ? 'benchgate.config.json' : null);
  const seedText = optional('seed');
  const seed = seedText === null ? randomSeed : parseWith(z.coerce.number().int().nonnegative(`input 'seed' must be a whole number ≥ 0`).max(0xffffffff), seedText);
  const runTimeoutSeconds = Number(text('run-timeout', '300'));
  if (!(runTimeoutSeconds > 0)) throw new ConfigError(`input 'run-timeout' must be a positive number of seconds, got '${input('run-timeout')}'`);
  return {
    mode: oneOf('mode', ['run', 'comment'], text('mode', 'run')),
    suites: text('suites', DEFAULT_SUITES),
    runs: parseWith(positiveInt('runs'), text('runs', '10')),
    time: parseWith(positiveInt('time'), text('time', '100')),
    warmupTime: parseWith(z.coerce.number().int().nonnegative(`input 'warmup-time' must be a whole number ≥ 0`), text('warmup-time', '20')),
    retainSamples: parseBoolean('retain-samples', text('retain-samples', 'false')),
    filter,
    runTimeout: runTimeoutSeconds * 1000,
    seed,
    output: text('output', 'benchgate-results.json'),
    tool: oneOf('tool', ['auto', ...FORMAT_TOOLS], text('tool', outputFilePath ? 'auto' : 'benchgate')),
    outputFilePath,
    benchmarkSet: parseWith(
      z.string().regex(/^[A-Za-z0-9._-]+$/, `input 'benchmark-set' may hold only letters, digits, '.', '_' and '-'`),
      text('benchmark-set', 'default'),
    ),
    baselineStore: oneOf('baseline-store', ['git-branch', 'file'], text('baseline-store', baselineFile ? 'file' : 'git-branch')),
    baselineFile,
    saveBaseline: parseBoolean('save-baseline', text('save-baseline', 'false')),
    dataBranch: text('data-branch', 'benchgate-data'),
    saveOn: text('save-on', '').split(/[\s,]+/).filter(Boolean),
    maxHistory: parseWith(positiveInt('max-history'), text('max-history', '100')),
    fingerprintMismatch: oneOf('fingerprint-mismatch', ['warn', 'ignore', 'advisory'], text('fingerprint-mismatch', 'advisory')),
    threshold: parseThresholdInput('threshold', text('threshold', '5%')),
    alpha,
    interval: oneOf('interval', ['hodges-lehmann', 'bootstrap'], text('interval', 'hodges-lehmann')),
    configFile,
    failOn: oneOf('fail-on', ['regression', 'inconclusive', 'never'], text('fail-on', 'regression')),
    commentOn: oneOf('comment-on', ['always', 'change', 'never'], text('comment-on', 'change')),
    reportFile: optional('report-file'),
    reportJson: text('report-json', 'benchgate-report.json'),
    reportMarkdown: text('report-markdown', 'benchgate-report.md'),
    githubToken: input('github-token').trim(),
  };
}
