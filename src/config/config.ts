import { formatThreshold } from '../compare/parse-threshold.ts';
import type { ToolName } from '../formats/tools.ts';
import { ConfigSchema, listInputs, STORED_MODE_RUNS, type ConfigKey, type ParsedConfig } from './schema.ts';

export { DEFAULT_SUITES, STORED_MODE_RUNS } from './schema.ts';

/**
 * Every setting of a benchgate run, validated once. Filled from the action's inputs
 * (`core.getInput`) or the CLI's flags, both through `buildConfig`; `ConfigSchema` holds each
 * field's input name, default and description. Times are in milliseconds (`run-timeout` and
 * `max-time` are given in seconds).
 */
export type Config = Omit<ParsedConfig, 'tool' | 'baselineStore' | 'seed'> & {
  /** `benchgate` runs suites; any other reads `outputFilePath` with that adapter. */
  tool: ToolName | 'auto';
  baselineStore: 'git-branch' | 'file';
  /** The seed given, or a random one (printed). */
  seed: number;
};

/** What the current commit is compared with, once `compare-with: auto` is resolved. */
export type ComparisonMode = 'stored' | 'base';

/** Invalid input: the message names the input or flag and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads one named input; returns '' when absent. Both the action (`core.getInput`) and the CLI
 * (its parsed flags) provide one.
 */
export type InputSource = (name: string) => string;

/**
 * Builds and validates the config from kebab-case inputs, the one place where every input is
 * checked, and resolves the defaults that depend on other inputs: `tool` (auto with
 * `output-file-path`), `baseline-store` (file with `baseline-file`), `config`
 * (`benchgate.config.json` when it exists) and `seed` (random).
 * @param input reads an input by its kebab-case name; '' means absent
 * @param randomSeed the seed to use when none is given
 * @param fileExists whether a path exists (for the default `benchgate.config.json`)
 * @returns the config
 * @throws ConfigError naming the first bad input and its value
 */
export function buildConfig(input: InputSource, randomSeed: number, fileExists: (path: string) => boolean): Config {
  const names = new Map(listInputs().map((entry) => [entry.key, entry.name]));
  const raw: Record<string, string | undefined> = {};
  for (const [key, name] of names) {
    const text = input(name).trim();
    raw[key] = text === '' ? undefined : text;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = names.get(issue.path[0] as ConfigKey) ?? String(issue.path[0]);
    throw new ConfigError(`input '${name}' ${issue.message}`);
  }
  const config = parsed.data;
  if (config.failThreshold !== null && config.failThreshold < config.threshold) {
    throw new ConfigError(
      `input 'fail-threshold' must be at least 'threshold' (${formatThreshold(config.threshold)}), got ${formatThreshold(config.failThreshold)}`,
    );
  }
  if (config.dataRepositoryToken !== null && config.dataRepository === null) {
    throw new ConfigError("input 'data-repository-token' is set but 'data-repository' is not");
  }
  return {
    ...config,
    tool: config.tool || (config.outputFilePath ? 'auto' : 'benchgate'),
    baselineStore: config.baselineStore || (config.baselineFile ? 'file' : 'git-branch'),
    configFile: config.configFile ?? (fileExists('benchgate.config.json') ? 'benchgate.config.json' : null),
    seed: config.seed ?? randomSeed,
  };
}

/**
 * Resolves `compare-with: auto`: the pull request's base commit on pull_request events, the
 * stored run otherwise.
 * @param config the config's `compare-with`
 * @param eventName `GITHUB_EVENT_NAME`, e.g. `pull_request` or `push`
 * @returns `base` or `stored`
 * @example
 * resolveComparisonMode({ compareWith: 'auto' }, 'push') // => 'stored'
 */
export function resolveComparisonMode(config: Pick<Config, 'compareWith'>, eventName: string): ComparisonMode {
  if (config.compareWith !== 'auto') return config.compareWith;
  // Only `pull_request`: a `pull_request_target` job holds a write token and secrets, so it must never
  // build or run a pull request's code unasked (set compare-with: base to choose that knowingly).
  return eventName === 'pull_request' ? 'base' : 'stored';
}

/**
 * The number of process runs when comparing with a stored run: `runs`, or `STORED_MODE_RUNS`
 * (10) for `auto`, whose adaptive rounds need the base commit measured beside the current one.
 * @param config the config's `runs`
 * @returns a whole number ≥ 1
 * @example
 * storedModeRuns({ runs: 'auto' }) // => 10
 */
export function storedModeRuns(config: Pick<Config, 'runs'>): number {
  return config.runs === 'auto' ? STORED_MODE_RUNS : config.runs;
}
