/**
 * The environment benchmark child processes run with (suites, `setup` and `command` shells).
 *
 * Benchmark code comes from the pull request under test, so it must not see the action's token or
 * the runner's other credentials. Pure: it takes the parent's environment as a value.
 */

/** What `buildChildEnvironment` withholds and lets through. */
export interface ChildEnvironmentOptions {
  /** The token the action uses (its `github-token` input); any variable holding it is withheld. @default null */
  token?: string | null;
  /** Names from the `pass-env` input: these pass unchanged even when a rule below would withhold them. @default [] */
  passEnv?: readonly string[];
  /** Variables the runner itself sets for the child (e.g. BENCHGATE_VARIANT), added last. @default {} */
  set?: Readonly<Record<string, string>>;
}

/** The child's environment and the names withheld from it (names only, never values, so they can be logged). */
export interface ChildEnvironment {
  env: Record<string, string>;
  /** Withheld variable names, sorted. */
  withheld: string[];
}

/**
 * Exact names (compared without regard to case) of secret-bearing variables the runner or common
 * tools set: the GitHub token under its usual names, the Actions runtime token (cache and artifact
 * service) with its service URLs, and the OIDC token request pair.
 */
export const WITHHELD_NAMES: readonly string[] = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  // The step's command files: a suite writing to them could forge benchgate's outputs and state,
  // or change the environment and PATH of later steps.
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
];

/** Name prefixes (compared without regard to case) that are withheld: the action's inputs and the runtime families. */
export const WITHHELD_PREFIXES: readonly string[] = ['INPUT_', 'ACTIONS_ID_TOKEN_REQUEST_', 'ACTIONS_RUNTIME_'];

/**
 * Name words that mark a variable as a credential: a name is split at `_`, `-` and `.`, and is
 * withheld when one of its words is one of these, or two adjacent words form `API_KEY`,
 * `ACCESS_KEY`, `SECRET_KEY` or `PRIVATE_KEY`. So `NPM_TOKEN` and `AWS_SECRET_ACCESS_KEY` are
 * withheld, while `TOKENIZERS_PARALLELISM` is not.
 */
export const CREDENTIAL_WORDS: readonly string[] = ['TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'CREDENTIAL', 'CREDENTIALS', 'APIKEY', 'PAT'];

const CREDENTIAL_PAIRS = new Set(['API_KEY', 'ACCESS_KEY', 'SECRET_KEY', 'PRIVATE_KEY']);

/** Variables whose values are treated as the token even when no token is passed in. */
const TOKEN_SOURCES = ['INPUT_GITHUB-TOKEN', 'INPUT_GITHUB_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN'];

/** Shorter values are not matched by value: a one-character "token" would withhold everything. */
const MIN_SECRET_LENGTH = 8;

/**
 * Whether a variable's name marks it as a credential (see `CREDENTIAL_WORDS`).
 * @param name an environment variable name
 * @returns true for `NPM_TOKEN`, `INPUT_GITHUB-TOKEN`, `AWS_SECRET_ACCESS_KEY`; false for `TOKENIZERS_PARALLELISM`
 */
export function isCredentialName(name: string): boolean {
  const words = name
    .toUpperCase()
    .split(/[_.-]+/)
    .filter((word) => word.length > 0);
  for (let i = 0; i < words.length; i++) {
    if (CREDENTIAL_WORDS.includes(words[i]!)) return true;
    if (i > 0 && CREDENTIAL_PAIRS.has(`${words[i - 1]}_${words[i]}`)) return true;
  }
  return false;
}

/**
 * Whether a variable name is withheld by name alone (before `pass-env` and before value checks).
 * @param name an environment variable name
 * @returns true for the names, prefixes and credential words documented above
 */
export function isWithheldName(name: string): boolean {
  const upper = name.toUpperCase();
  if (WITHHELD_NAMES.includes(upper)) return true;
  if (WITHHELD_PREFIXES.some((prefix) => upper.startsWith(prefix))) return true;
  return isCredentialName(name);
}

/**
 * Builds the environment for a benchmark child process: the parent's environment without the
 * action's inputs (`INPUT_*`, which hold `github-token`), the token under every usual name, the
 * runner's secret-bearing variables, the step's command files, names that mark credentials, any
 * variable whose value contains the token (the `token` option, or the value of `INPUT_GITHUB-TOKEN`,
 * `GITHUB_TOKEN` or `GH_TOKEN`), and any variable whose whole value equals a withheld variable's
 * value when that name marks a credential (a copy under an innocent name); names listed in `pass-env` pass through unchanged.
 * @param parent the parent's environment (`process.env`, or the pipeline's copy of it)
 * @param options the token, the `pass-env` names and the runner's own variables
 * @returns the child's environment and the names withheld from it
 * @example
 * buildChildEnvironment({ PATH: '/bin', 'INPUT_GITHUB-TOKEN': 'ghs_abcdef123', COPY: 'ghs_abcdef123' }, {}).withheld
 * // => ['COPY', 'INPUT_GITHUB-TOKEN']
 */
export function buildChildEnvironment(parent: Readonly<Record<string, string | undefined>>, options: ChildEnvironmentOptions = {}): ChildEnvironment {
  const pass = new Set(options.passEnv ?? []);
  // The token is matched inside values (a URL may embed it); other credentials by whole value.
  const tokens = new Set<string>();
  const credentials = new Set<string>();
  const usable = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    return trimmed && trimmed.length >= MIN_SECRET_LENGTH ? trimmed : null;
  };
  for (const value of [options.token, ...TOKEN_SOURCES.map((name) => parent[name])]) {
    const token = usable(value);
    if (token) tokens.add(token);
  }
  for (const [name, value] of Object.entries(parent)) {
    const credential = isCredentialName(name) ? usable(value) : null;
    if (credential) credentials.add(credential);
  }

  const env: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    if (pass.has(name)) {
      env[name] = value;
      continue;
    }
    let secret = isWithheldName(name) || credentials.has(value.trim());
    if (!secret) for (const token of tokens) if (value.includes(token)) secret = true;
    if (secret) withheld.push(name);
    else env[name] = value;
  }
  for (const [name, value] of Object.entries(options.set ?? {})) env[name] = value;
  return { env, withheld: withheld.sort() };
}
