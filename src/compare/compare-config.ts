import { z } from 'zod';
import { globToRegExp } from './glob.ts';
import { parseThreshold } from './parse-threshold.ts';

/**
 * A bad `benchgate.config.json` (or the file the `config` input names). The message names the
 * file and the field. The CLI treats it as bad input (exit 2); the action fails with its message.
 */
export class CompareConfigError extends Error {
  override name = 'CompareConfigError';
  /** The config file. */
  readonly file: string;
  /** The field, e.g. `overrides[0].threshold`, or '' for the whole file. */
  readonly field: string;

  constructor(file: string, field: string, message: string) {
    super(`${file}: ${field ? `'${field}' ` : ''}${message}`);
    this.file = file;
    this.field = field;
  }
}

const threshold = z.union([z.string(), z.number()]).transform((value, context) => {
  try {
    return parseThreshold(value, '');
  } catch (error: unknown) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const alpha = z.number({ error: 'must be a number in (0, 1), e.g. 0.01' }).gt(0, 'must be above 0').lt(1, 'must be below 1');

/** One override: settings for the benchmark ids (and optionally metrics) its globs match. */
export const CompareOverrideSchema = z.strictObject({
  /** Glob on the benchmark id: `*`, `**`, `?`. */
  match: z.string({ error: 'must be a glob on the benchmark id, e.g. "layout/*"' }).min(1, 'must not be empty'),
  /** Glob on the metric name; absent means every metric. */
  metric: z.string().min(1, 'must not be empty').optional(),
  threshold: threshold.optional(),
  alpha: alpha.optional(),
  /** Whether the matched metrics count toward the gate. */
  gate: z.boolean({ error: 'must be true or false' }).optional(),
});
export type CompareOverride = z.output<typeof CompareOverrideSchema>;

/** `benchgate.config.json`: file-wide `threshold` and `alpha`, and per-benchmark overrides (last match wins). */
export const CompareConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  threshold: threshold.optional(),
  alpha: alpha.optional(),
  overrides: z.array(CompareOverrideSchema, { error: 'must be an array of { match, metric?, threshold?, alpha?, gate? }' }).default([]),
});
export type CompareConfig = z.output<typeof CompareConfigSchema>;

function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/**
 * Validates a parsed config file.
 * @param json the file's parsed JSON
 * @param file the file's path, for messages
 * @returns the config with thresholds as fractions and `overrides` always present
 * @throws CompareConfigError naming the file and the first bad field
 * @example
 * parseCompareConfig({ threshold: '10%', overrides: [{ match: 'layout/*', gate: false }] }, 'benchgate.config.json')
 * // => { threshold: 0.1, overrides: [{ match: 'layout/*', gate: false }] }
 */
export function parseCompareConfig(json: unknown, file: string): CompareConfig {
  const parsed = CompareConfigSchema.safeParse(json);
  if (parsed.success) {
    for (const [index, override] of parsed.data.overrides.entries()) {
      for (const glob of [override.match, override.metric]) {
        if (glob !== undefined && /[[\]{}]/.test(glob)) {
          throw new CompareConfigError(file, `overrides[${index}].${glob === override.match ? 'match' : 'metric'}`, `supports only *, ** and ?, got '${glob}'`);
        }
      }
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const field = describePath([...issue.path, issue.keys[0]!]);
    return fail(file, field, `is not a known setting (known: threshold, alpha, overrides; in an override: match, metric, threshold, alpha, gate)`);
  }
  if (issue.path.length === 0) return fail(file, '', 'must be a JSON object like { "threshold": "5%", "overrides": [] }');
  return fail(file, describePath(issue.path), issue.message);
}

function fail(file: string, field: string, message: string): never {
  throw new CompareConfigError(file, field, message);
}

/** The settings that apply to one benchmark metric. */
export interface ResolvedSettings {
  threshold: number;
  alpha: number;
  gate: boolean;
}

const compiled = new WeakMap<CompareOverride, { id: RegExp; metric: RegExp | null }>();

function compile(override: CompareOverride): { id: RegExp; metric: RegExp | null } {
  let entry = compiled.get(override);
  if (!entry) {
    entry = { id: globToRegExp(override.match), metric: override.metric ? globToRegExp(override.metric) : null };
    compiled.set(override, entry);
  }
  return entry;
}

/**
 * Applies every override whose globs match, in order, so a later one wins field by field.
 * @param overrides from the config file
 * @param id the benchmark id
 * @param metric the metric name
 * @param defaults the settings before overrides (the options' threshold and alpha, the metric's own `gate`)
 * @returns the settings for this benchmark metric
 * @example
 * resolveOverrides([{ match: 'layout/*', threshold: 0.1 }], 'layout/a', 'latency-p50', { threshold: 0.05, alpha: 0.01, gate: true })
 * // => { threshold: 0.1, alpha: 0.01, gate: true }
 */
export function resolveOverrides(overrides: readonly CompareOverride[], id: string, metric: string, defaults: ResolvedSettings): ResolvedSettings {
  const settings = { ...defaults };
  for (const override of overrides) {
    const globs = compile(override);
    if (!globs.id.test(id) || (globs.metric && !globs.metric.test(metric))) continue;
    if (override.threshold !== undefined) settings.threshold = override.threshold;
    if (override.alpha !== undefined) settings.alpha = override.alpha;
    if (override.gate !== undefined) settings.gate = override.gate;
  }
  return settings;
}
