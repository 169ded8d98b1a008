import { z } from 'zod';
import { FAIL_ON_MODES } from '../compare/decide-gate.ts';
import { FINGERPRINT_MISMATCH_MODES, INTERVAL_METHODS } from '../compare/options.ts';
import { parseThreshold } from '../compare/parse-threshold.ts';
import { FORMAT_TOOLS } from '../formats/tools.ts';
import { COMMENT_ON_MODES } from '../github/upsert-comment.ts';
import { parseShardSpec } from '../results/assign-shard.ts';

/** The default suite glob: every `*.bench.*` file under `benchmarks/`. */
export const DEFAULT_SUITES = 'benchmarks/**/*.bench.{ts,mts,js,mjs}';

/** `runs` in stored mode when it is `auto`: adaptive rounds need the same-runner design. */
export const STORED_MODE_RUNS = 10;

/** Where an input exists: in `action.yml`, as a CLI flag, or both. */
export type InputSurface = 'action' | 'cli' | 'both';

/** What documents one input: its kebab-case name, default, description and where it exists. */
export interface InputMeta {
  /** The kebab-case name: the action input and the CLI flag (`--name`). */
  name: string;
  /** One or two sentences for action.yml, the README table and `--help`. */
  description: string;
  /** The default as text, as action.yml and the README show it; '' is empty. */
  default: string;
  /** The default written into action.yml when it differs from the CLI's (e.g. `${{ github.token }}`). */
  actionDefault?: string;
  /** @default 'both' */
  surface?: InputSurface;
  /** The value's placeholder in `--help`, e.g. `N` or `FILE`; absent for a boolean switch. */
  placeholder?: string;
  /** A CLI flag without a value: present means `true`. */
  switch?: boolean;
  /** The CLI flag may repeat; its values are joined with newlines. */
  multiple?: boolean;
  /** Older CLI flag names that still work (users' scripts), e.g. `out` for `output`. */
  aliases?: readonly string[];
}

/** The metadata of every input schema, read by `listInputs`, the help and the generators. */
const inputRegistry = z.registry<InputMeta>();

/**
 * Declares one input: a text value ('' or absent means the default) parsed by `schema`, with its
 * metadata registered for the generated documentation.
 */
function input<T extends z.ZodType<unknown, string>>(schema: T, meta: InputMeta) {
  const field = z.string().default(meta.default).pipe(schema);
  inputRegistry.add(field, meta);
  return field;
}

const text = () => z.string();
const optionalText = () => z.string().transform((value) => (value === '' ? null : value));

const wholeNumber = (min: number) =>
  z.string().transform((value, context) => {
    const number = Number(value);
    if (value === '' || Number.isNaN(number)) context.addIssue({ code: 'custom', message: `must be a number, got '${value}'` });
    else if (!Number.isInteger(number)) context.addIssue({ code: 'custom', message: `must be a whole number, got '${value}'` });
    else if (number < min) context.addIssue({ code: 'custom', message: `must be at least ${min}, got '${value}'` });
    else return number;
    return z.NEVER;
  });

const positiveSeconds = () =>
  z.string().transform((value, context) => {
    const seconds = Number(value);
    if (value !== '' && seconds > 0 && Number.isFinite(seconds)) return seconds * 1000;
    context.addIssue({ code: 'custom', message: `must be a positive number of seconds, got '${value}'` });
    return z.NEVER;
  });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, got '${String(issue.input)}'` });

const boolean = () =>
  z.string().transform((value, context) => {
    if (/^(true|yes|1|on)$/i.test(value)) return true;
    if (/^(false|no|0|off)$/i.test(value)) return false;
    context.addIssue({ code: 'custom', message: `must be true or false, got '${value}'` });
    return z.NEVER;
  });

/** A list separated by commas or newlines (and, with `spaces`, whitespace), empty items dropped. */
const list = (spaces: boolean) =>
  z.string().transform((value) =>
    value
      .split(spaces ? /[\s,]+/ : /[\n,]/)
      .map((item) => item.trim())
      .filter(Boolean),
  );

const TOOL_VALUES = ['auto', ...FORMAT_TOOLS] as const;

/**
 * Every input of the action and every flag of the CLI: name, type, default and description, in
 * the order action.yml, the README table and `--help` list them. Each field reads the input's
 * text ('' means the default) and yields the typed value. `buildConfig` resolves the few defaults
 * that depend on other inputs (`tool`, `baseline-store`, `config`, `seed`).
 */
export const ConfigSchema = z.object({
  mode: input(oneOf(['run', 'comment', 'merge']), {
    name: 'mode',
    default: 'run',
    surface: 'action',
    description:
      "'run' measures and compares; 'comment' only posts a report made by an earlier job (read from 'report-file'), for pull requests from forks via a workflow_run workflow; 'merge' merges the results of shard jobs ('results-files') and then compares, comments, gates and stores as one job would.",
  }),
  shard: input(
    optionalText().transform((value, context) => {
      if (value === null) return null;
      try {
        return parseShardSpec(value);
      } catch (error: unknown) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
    {
      name: 'shard',
      default: '',
      placeholder: 'i/n',
      description:
        "Run only the ith of n slices of the suite (1-based, e.g. '2/3'), chosen by a stable hash of each benchmark id; the same slice on both sides with 'compare-with: base'. A shard job writes its results with the shard's identity and never comments or stores: a 'mode: merge' job does. Empty runs the whole suite.",
    },
  ),
  resultsFiles: input(optionalText(), {
    name: 'results-files',
    default: '',
    surface: 'action',
    description: "In mode merge, a glob of the shard jobs' results files (e.g. downloaded with actions/download-artifact and merge-multiple: true).",
  }),
  compareWith: input(oneOf(['stored', 'base', 'auto']), {
    name: 'compare-with',
    default: 'auto',
    surface: 'action',
    description:
      "What the current commit is compared with: 'stored' is a run stored on the data branch by an earlier job; 'base' measures the pull request's base commit on this runner too, in interleaved rounds (one machine, so no job-to-job noise); 'auto' is 'base' on pull_request events and 'stored' otherwise.",
  }),
  suites: input(text(), {
    name: 'suites',
    default: DEFAULT_SUITES,
    placeholder: 'GLOB',
    description: 'Glob of benchmark suite files. Each default-exports a tinybench Bench with its tasks added but not run.',
  }),
  setup: input(optionalText(), {
    name: 'setup',
    default: '',
    surface: 'both',
    placeholder: 'COMMAND',
    description:
      "Shell command run once in each checked-out tree (base and current) before measuring, in the 'base' comparison, e.g. 'npm ci && npm run build'. Empty runs nothing.",
  }),
  command: input(optionalText(), {
    name: 'command',
    default: '',
    surface: 'both',
    placeholder: 'COMMAND',
    description:
      "Shell command that runs another benchmark tool in each tree, once per round, instead of the suites; its output is read from 'output-file-path' with 'tool'. Empty runs the suites.",
  }),
  runs: input(
    z.string().transform((value, context) => {
      if (value === 'auto') return 'auto' as const;
      const number = Number(value);
      if (value !== '' && Number.isInteger(number) && number >= 1) return number;
      context.addIssue({ code: 'custom', message: `must be a whole number ≥ 1 or 'auto', got '${value}'` });
      return z.NEVER;
    }),
    {
      name: 'runs',
      default: 'auto',
      placeholder: 'N|auto',
      description: `Process runs per suite, each in a fresh process and each one observation for the statistics (with 'compare-with: base', rounds: one run of each side). 'auto': with 'base', rounds are added until every comparison is decided or 'max-time' is spent; with a stored baseline, ${STORED_MODE_RUNS}.`,
    },
  ),
  maxTime: input(positiveSeconds(), {
    name: 'max-time',
    default: '600',
    surface: 'both',
    placeholder: 'S',
    description: "Seconds of measuring that adaptive rounds ('runs: auto' with 'compare-with: base') may spend before they stop.",
  }),
  time: input(wholeNumber(1), {
    name: 'time',
    default: '100',
    placeholder: 'MS',
    description: 'tinybench time budget per task and run, in milliseconds.',
  }),
  warmupTime: input(wholeNumber(0), {
    name: 'warmup-time',
    default: '20',
    placeholder: 'MS',
    description: 'tinybench warmup budget per task and run, in milliseconds.',
  }),
  retainSamples: input(boolean(), {
    name: 'retain-samples',
    default: 'false',
    switch: true,
    description: "Keep tinybench's raw per-iteration samples in the results file.",
  }),
  filter: input(
    optionalText().superRefine((value, context) => {
      if (value === null) return;
      try {
        new RegExp(value);
      } catch (error: unknown) {
        context.addIssue({ code: 'custom', message: `is not a valid regular expression: ${(error as Error).message}` });
      }
    }),
    {
      name: 'filter',
      default: '',
      placeholder: 'RE',
      description: 'Regular expression; only benchmark ids (`<suite>/<task>`) that match are run. One that matches none is an error.',
    },
  ),
  runTimeout: input(positiveSeconds(), {
    name: 'run-timeout',
    default: '300',
    placeholder: 'S',
    description: 'Seconds one process run may take before it is killed and its tasks reported as errored.',
  }),
  seed: input(
    optionalText().transform((value, context) => {
      if (value === null) return null;
      const seed = Number(value);
      if (Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff) return seed;
      context.addIssue({ code: 'custom', message: `must be a whole number ≥ 0 and < 2^32, got '${value}'` });
      return z.NEVER;
    }),
    {
      name: 'seed',
      default: '',
      placeholder: 'N',
      description: 'Seed for the task order (and bootstrap). Empty picks one at random and prints it.',
    },
  ),
  passEnv: input(
    list(false).superRefine((names, context) => {
      const bad = names.find((name) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
      if (bad !== undefined) context.addIssue({ code: 'custom', message: `must list environment variable names, got '${bad}'` });
    }),
    {
      name: 'pass-env',
      default: '',
      placeholder: 'NAMES',
      description:
        "Environment variables that reach the benchmark child processes (and 'setup' and 'command') although benchgate would withhold them, comma-separated. Benchmark code comes from the pull request, so the token, the runner's credentials and variables named like secrets (…_TOKEN, …_SECRET, …_API_KEY) are withheld; every other variable passes.",
    },
  ),
  output: input(text(), {
    name: 'output',
    default: 'benchgate-results.json',
    placeholder: 'FILE',
    aliases: ['out'],
    description: 'Where to write the results file (schema benchgate/results@1).',
  }),
  tool: input(z.union([z.literal(''), oneOf(TOOL_VALUES)]), {
    name: 'tool',
    default: '',
    placeholder: 'NAME',
    description: `Whose output to compare: 'benchgate' runs the suites; with 'output-file-path', one of ${TOOL_VALUES.join(', ')}. Empty means 'benchgate', or 'auto' when 'output-file-path' is set (and always in 'benchgate compare').`,
  }),
  outputFilePath: input(optionalText(), {
    name: 'output-file-path',
    default: '',
    surface: 'both',
    placeholder: 'PATH',
    description:
      "Another tool's output file or folder to compare instead of running suites (as github-action-benchmark names it). 'tool' defaults to auto when this is set. With 'command', the file or folder the command writes, relative to each tree.",
  }),
  benchmarkSet: input(text().regex(/^[A-Za-z0-9._-]+$/, "may hold only letters, digits, '.', '_' and '-'"), {
    name: 'benchmark-set',
    default: 'default',
    placeholder: 'NAME',
    description: 'Name that keeps independent suites (or OS matrix legs) apart in the store and in the comment.',
  }),
  baselineStore: input(z.union([z.literal(''), oneOf(['git-branch', 'file'])]), {
    name: 'baseline-store',
    default: '',
    surface: 'action',
    description:
      "'git-branch' stores history on a data branch of this repository; 'file' reads 'baseline-file'. Empty means 'file' when 'baseline-file' is set, else 'git-branch'.",
  }),
  baselineFile: input(optionalText(), {
    name: 'baseline-file',
    default: '',
    surface: 'action',
    description: 'A results file in the workspace to use as the baseline (implies baseline-store file). Read-only unless save-baseline is true.',
  }),
  saveBaseline: input(boolean(), {
    name: 'save-baseline',
    default: 'false',
    surface: 'action',
    description: "With baseline-store file, overwrite baseline-file with this run's results on save-on pushes.",
  }),
  dataBranch: input(text(), {
    name: 'data-branch',
    default: 'benchgate-data',
    surface: 'action',
    description: 'The branch that holds stored runs (baseline-store git-branch).',
  }),
  dataRepository: input(
    optionalText().transform((value, context) => {
      if (value === null) return null;
      if (/^https:\/\/[^\s@]+$/.test(value)) return value;
      const match = /^(?:github\.com\/)?([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?$/.exec(value);
      if (match) return `https://github.com/${match[1]}.git`;
      context.addIssue({ code: 'custom', message: `must be owner/repo or an https URL of a repository, got '${value}'` });
      return z.NEVER;
    }),
    {
      name: 'data-repository',
      default: '',
      surface: 'action',
      description:
        "Another repository to keep the data branch in (owner/repo, or an https URL for GitHub Enterprise Server), instead of this one. Pushing to it needs 'data-repository-token'.",
    },
  ),
  dataRepositoryToken: input(optionalText(), {
    name: 'data-repository-token',
    default: '',
    surface: 'action',
    description:
      "Token for 'data-repository', with contents write on that repository (a fine-grained token or a GitHub App token): the workflow's own token cannot push to another repository. Empty uses the workspace's credentials, which can only read a public one.",
  }),
  saveOn: input(list(true), {
    name: 'save-on',
    default: '',
    surface: 'action',
    description:
      "Branches whose push events store their results as a baseline, comma-separated. Empty means the repository's default branch. Pull requests never store.",
  }),
  maxHistory: input(wholeNumber(1), {
    name: 'max-history',
    default: '100',
    surface: 'action',
    description: 'Stored runs kept per branch; older ones are deleted by a commit (history is never rewritten).',
  }),
  fingerprintMismatch: input(oneOf(FINGERPRINT_MISMATCH_MODES), {
    name: 'fingerprint-mismatch',
    default: 'advisory',
    surface: 'action',
    description:
      "When baseline and current ran on different machines (CPU model, core count, Node major): 'warn' may still fail the gate, 'advisory' reports but never fails on those comparisons, 'ignore' says nothing.",
  }),
  threshold: input(
    z.string().transform((value, context) => {
      try {
        return parseThreshold(value, '');
      } catch (error: unknown) {
        context.addIssue({ code: 'custom', message: (error as Error).message.trim() });
        return z.NEVER;
      }
    }),
    {
      name: 'threshold',
      default: '5%',
      placeholder: 'PCT',
      description: 'Smallest worsening that counts as a regression, as a percentage (5%) or a fraction (0.05).',
    },
  ),
  failThreshold: input(
    optionalText().transform((value, context) => {
      if (value === null) return null;
      try {
        return parseThreshold(value, '');
      } catch (error: unknown) {
        context.addIssue({ code: 'custom', message: (error as Error).message.trim() });
        return z.NEVER;
      }
    }),
    {
      name: 'fail-threshold',
      default: '',
      placeholder: 'PCT',
      description:
        "Smallest worsening that fails the check, when it should be larger than 'threshold': a regression whose interval lies beyond 'threshold' but not wholly beyond this one is reported, and the check passes. Empty means the same as 'threshold'.",
    },
  ),
  alpha: input(
    z.string().transform((value, context) => {
      const alpha = Number(value);
      if (value !== '' && alpha > 0 && alpha < 1) return alpha;
      context.addIssue({ code: 'custom', message: `must be in (0, 1), got '${value}'` });
      return z.NEVER;
    }),
    {
      name: 'alpha',
      default: '0.01',
      placeholder: 'P',
      description: "Significance level of the one-sided test after Holm's adjustment over all gated comparisons.",
    },
  ),
  interval: input(oneOf(INTERVAL_METHODS), {
    name: 'interval',
    default: 'hodges-lehmann',
    placeholder: 'METHOD',
    description: "Confidence interval of the change: 'hodges-lehmann' (default) or 'bootstrap' (ratio of medians, seeded).",
  }),
  configFile: input(optionalText(), {
    name: 'config',
    default: '',
    placeholder: 'FILE',
    description: 'JSON file with per-benchmark overrides of threshold, alpha and which metrics gate. Defaults to benchgate.config.json when it exists.',
  }),
  failOn: input(oneOf(FAIL_ON_MODES), {
    name: 'fail-on',
    default: 'regression',
    placeholder: 'WHEN',
    description: "'regression' fails the check on a regression; 'inconclusive' also on an inconclusive comparison; 'never' only reports.",
  }),
  commentOn: input(oneOf(COMMENT_ON_MODES), {
    name: 'comment-on',
    default: 'change',
    surface: 'action',
    description: "On pull requests: 'always', 'change' (any verdict but unchanged; an existing comment is always updated), or 'never'.",
  }),
  commentOnPush: input(oneOf(['never', 'regression', 'always']), {
    name: 'comment-on-push',
    default: 'regression',
    surface: 'action',
    description:
      "On save-on pushes, a comment on the pushed commit: 'regression' when a gated benchmark regressed against the previous stored run (or the gate failed), 'always', or 'never'. The job summary is written either way.",
  }),
  dashboard: input(boolean(), {
    name: 'dashboard',
    default: 'false',
    surface: 'action',
    description:
      "On save-on pushes, rebuild the static history dashboard and publish it to the folder 'dashboard' of the data branch (serve it with GitHub Pages); regressed benchmarks in pull request comments then link to their page.",
  }),
  dashboardUrl: input(
    optionalText().transform((value, context) => {
      if (value === null || /^https?:\/\/[^\s]+$/.test(value)) return value;
      context.addIssue({ code: 'custom', message: `must be an http or https URL, got '${value}'` });
      return z.NEVER;
    }),
    {
      name: 'dashboard-url',
      default: '',
      surface: 'action',
      description: 'Where the published dashboard is served, for links. Empty means the GitHub Pages address, https://OWNER.github.io/REPO/dashboard/.',
    },
  ),
  alertCommentCcUsers: input(
    list(true).transform((names, context) => {
      const bad = names.find((name) => !/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/.test(name));
      if (bad !== undefined) {
        context.addIssue({ code: 'custom', message: `must list GitHub users or teams such as @octocat or @org/team, got '${bad}'` });
        return z.NEVER;
      }
      return names.map((name) => (name.startsWith('@') ? name : `@${name}`));
    }),
    {
      name: 'alert-comment-cc-users',
      default: '',
      surface: 'action',
      description:
        'GitHub users or teams to mention in the comment when a gated benchmark regressed, comma-separated (@octocat, @org/team). Taken only from the workflow file: a name in benchmark output or a report file is never mentioned.',
    },
  ),
  maxChartPoints: input(wholeNumber(1), {
    name: 'max-chart-points',
    default: '6',
    surface: 'action',
    description:
      "The most rows in the comment's plot of changes (regressions first, then the largest changes; the job summary shows up to 60 and the tables list every benchmark).",
  }),
  reportFile: input(optionalText(), {
    name: 'report-file',
    default: '',
    surface: 'action',
    description: 'In mode comment, the report JSON (benchgate/report@1) written by the measuring job.',
  }),
  reportJson: input(text(), {
    name: 'report-json',
    default: 'benchgate-report.json',
    placeholder: 'FILE',
    aliases: ['json'],
    description: 'Where to write the report JSON.',
  }),
  reportMarkdown: input(text(), {
    name: 'report-markdown',
    default: 'benchgate-report.md',
    placeholder: 'FILE',
    aliases: ['markdown'],
    description: 'Where to write the report markdown.',
  }),
  githubToken: input(text(), {
    name: 'github-token',
    default: '',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, written into action.yml as it is
    actionDefault: '${{ github.token }}',
    surface: 'action',
    description: 'Token for the comment and the data branch. Needs pull-requests write and contents write.',
  }),
  history: input(list(false), {
    name: 'history',
    default: '',
    surface: 'cli',
    placeholder: 'PATH',
    multiple: true,
    description:
      "Stored results files of earlier jobs on the baseline's branch, or the data branch's folder for a set and branch (e.g. a checkout of benchgate-data at default/main), used as history exactly as the action uses it: their spread is the job-to-job noise. Repeat the flag or separate paths with commas.",
  }),
});

/** The config's field names (camelCase). */
export type ConfigKey = keyof typeof ConfigSchema.shape;

/** The config as the schema yields it, before `buildConfig` resolves the dependent defaults. */
export type ParsedConfig = z.output<typeof ConfigSchema>;

/** One input: its config field and its metadata. */
export interface InputEntry extends InputMeta {
  /** The camelCase field in `Config`. */
  key: ConfigKey;
}

/**
 * Every input in schema order, with its metadata.
 * @returns the inputs, for help, action.yml and the README table
 */
export function listInputs(): InputEntry[] {
  return Object.entries(ConfigSchema.shape).map(([key, schema]) => {
    const meta = inputRegistry.get(schema);
    if (meta === undefined) throw new Error(`config field '${key}' has no input metadata`);
    return { ...meta, key: key as ConfigKey };
  });
}

/**
 * The input whose kebab-case name (or CLI alias) is `name`.
 * @param name e.g. `warmup-time` or the alias `out`
 * @returns the entry, or undefined when no input has that name
 */
export function findInput(name: string): InputEntry | undefined {
  return listInputs().find((entry) => entry.name === name || entry.aliases?.includes(name));
}

/** One action output: its name and description, for action.yml and the README. */
export interface OutputMeta {
  name: string;
  description: string;
}

/** Every output the action sets (`src/github/write-outputs.ts` and the results file). */
export const ACTION_OUTPUTS: readonly OutputMeta[] = [
  { name: 'results-file', description: 'Absolute path of the results file.' },
  { name: 'verdict', description: "'pass', 'fail' or 'no-baseline'." },
  { name: 'regressions', description: 'Number of regressed comparisons.' },
  { name: 'improvements', description: 'Number of improved comparisons.' },
  { name: 'report-json', description: 'Path of the report JSON.' },
  { name: 'report-markdown', description: 'Path of the report markdown.' },
  { name: 'comment-url', description: 'URL of the pull request comment, when one was written.' },
];
