/**
 * The CLI's command table machinery: what a command declares, how `benchgate <command> [flags]`
 * is parsed into a config, and the help generated from the config schema. Adding a command is a
 * new `src/<name>-command.ts` exporting a `CliCommand`, plus one line in `COMMANDS` (src/cli.ts).
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { buildConfig, ConfigError, type Config } from './config/config.ts';
import { findInput, type InputEntry } from './config/schema.ts';

/** What a command gets besides its config: where it runs and where it prints. */
export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Prints a line of the command's result (stdout). */
  print(line: string): void;
  /** Prints progress or a diagnostic (stderr). */
  printError(line: string): void;
}

/** What a command receives: the validated config (paths resolved against the cwd) and its positional arguments. */
export interface CliInvocation {
  config: Config;
  positionals: string[];
}

/** One `benchgate <name>` command. */
export interface CliCommand {
  /** The word after `benchgate`. */
  name: string;
  /** One line for the command list and the top of its help. */
  summary: string;
  /**
   * Positional arguments in the usage line, e.g. `['<baseline>', '<current>']`; each is required,
   * except trailing ones written in brackets, e.g. `'[<head-ref>]'`. A last one ending in `...`,
   * e.g. `'<files>...'`, takes one or more arguments.
   */
  positionals: readonly string[];
  /** Its flags: config input names (kebab-case), documented from the config schema. */
  flags: readonly string[];
  /** Input values this command uses when the flag is absent, e.g. `{ tool: 'auto' }` for compare. */
  defaults?: Readonly<Record<string, string>>;
  /** Notes printed under the flags in `--help`. */
  notes?: readonly string[];
  /**
   * Does the work.
   * @returns the exit status: 0 success, 1 a failed gate or errored benchmark, 2 bad input
   */
  run(invocation: CliInvocation, context: CliContext): Promise<number>;
  /**
   * For a command that parses its own words (`history`, `dashboard`: an optional positional and
   * flags that are not action inputs): gets every word after its name instead of a config.
   * @returns the exit status
   */
  runArgs?(args: readonly string[], context: CliContext): Promise<number>;
  /** The usage line of a `runArgs` command, shown by `--help` with its `notes`. */
  usage?: string;
}

/** Bad usage: an unknown command or flag, a missing value, wrong positional arguments. Exit 2 with the usage. */
export class UsageError extends ConfigError {
  override name = 'UsageError';
  /** The command whose usage to print; null for the top-level usage. */
  readonly command: CliCommand | null;
  constructor(message: string, command: CliCommand | null) {
    super(message);
    this.command = command;
  }
}

/** What `parseCommandLine` found. */
export type ParsedCommandLine =
  | { kind: 'help'; command: CliCommand | null }
  | { kind: 'version' }
  | { kind: 'command'; command: CliCommand; positionals: string[]; input: (name: string) => string }
  | { kind: 'raw'; command: CliCommand; args: string[] };

function flagEntries(command: CliCommand): InputEntry[] {
  return command.flags.map((name) => {
    const entry = findInput(name);
    if (entry === undefined || entry.name !== name || entry.surface === 'action') {
      throw new Error(`command '${command.name}' names the flag '--${name}', which is not a CLI input of the config schema`);
    }
    return entry;
  });
}

/**
 * Parses `benchgate <command> [flags] [positionals]` against the command table. `--help`/`-h`
 * and `--version` work anywhere; flags take the config's input names, plus the old aliases
 * (`--out`, `--json`, `--markdown`).
 * @param argv the arguments after the program name
 * @param commands the command table
 * @returns help, version, or the command with its positionals and inputs
 * @throws UsageError with one clean line naming the unknown command or flag
 */
export function parseCommandLine(argv: readonly string[], commands: readonly CliCommand[]): ParsedCommandLine {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') return { kind: 'version' };
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' && rest[0] !== undefined ? commands.find((c) => c.name === rest[0]) : undefined;
    return { kind: 'help', command: topic ?? null };
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    throw new UsageError(`unknown command '${name}'; the commands are ${commands.map((c) => c.name).join(', ')}`, null);
  }
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', command };
  if (rest.includes('--version')) return { kind: 'version' };
  if (command.runArgs) return { kind: 'raw', command, args: rest };

  const entries = flagEntries(command);
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  const inputOf = new Map<string, string>();
  for (const entry of entries) {
    for (const flag of [entry.name, ...(entry.aliases ?? [])]) {
      options[flag] = { type: entry.switch ? 'boolean' : 'string', ...(entry.multiple ? { multiple: true } : {}) };
      inputOf.set(flag, entry.name);
    }
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    throw new UsageError(describeParseError(error, command), command);
  }
  const byInput = new Map<string, string>(Object.entries(command.defaults ?? {}));
  for (const [flag, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    byInput.set(inputOf.get(flag)!, Array.isArray(value) ? value.join('\n') : String(value));
  }
  const variadic = command.positionals.at(-1)?.endsWith('...') ?? false;
  const wanted = variadic ? Number.POSITIVE_INFINITY : command.positionals.length;
  const required = command.positionals.filter((positional) => !positional.startsWith('[')).length;
  if (parsed.positionals.length < required || parsed.positionals.length > wanted) {
    const count = variadic ? `${required} or more` : required === wanted ? `${wanted}` : `${required} to ${wanted}`;
    const what = wanted === 0 ? 'no arguments' : `${count} argument${wanted > 1 ? 's' : ''}, ${command.positionals.join(' ')}`;
    throw new UsageError(
      `'benchgate ${command.name}' takes ${what}; got ${parsed.positionals.length === 0 ? 'none' : `'${parsed.positionals.join(' ')}'`}`,
      command,
    );
  }
  return { kind: 'command', command, positionals: parsed.positionals, input: (input) => byInput.get(input) ?? '' };
}

function describeParseError(error: unknown, command: CliCommand): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-{1,2}[^'\s]+)/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown flag '${option}' for 'benchgate ${command.name}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `flag '${option}' needs a value`;
  return `'benchgate ${command.name}': ${message ?? String(error)}`;
}

/**
 * Builds a command's config from its parsed inputs and resolves every file path against `cwd`,
 * like the suites glob.
 * @param input the parsed flags under their input names
 * @param cwd the working directory
 * @param randomSeed the seed when `--seed` is absent
 * @param fileExists whether a path (relative to `cwd`) exists, for the default overrides file
 * @throws ConfigError naming the flag
 */
export function buildCliConfig(input: (name: string) => string, cwd: string, randomSeed: number, fileExists: (file: string) => boolean): Config {
  const inCwd = (file: string) => path.resolve(cwd, file);
  const parsed = buildConfig(input, randomSeed, (file) => fileExists(inCwd(file)));
  return {
    ...parsed,
    output: inCwd(parsed.output),
    reportJson: inCwd(parsed.reportJson),
    reportMarkdown: inCwd(parsed.reportMarkdown),
    configFile: parsed.configFile === null ? null : inCwd(parsed.configFile),
    history: parsed.history.map(inCwd),
  };
}

function flagLabel(entry: InputEntry): string {
  const value = entry.switch ? '' : ` ${entry.placeholder ?? 'VALUE'}`;
  return `--${entry.name}${value}`;
}

/**
 * The usage line of one command, e.g. `benchgate compare <baseline> <current> [flags]`.
 * @param command the command
 */
export function renderUsage(command: CliCommand): string {
  return ['benchgate', command.name, ...command.positionals, command.flags.length > 0 ? '[flags]' : ''].filter(Boolean).join(' ');
}

/**
 * A command's `--help`: usage, summary, and every flag with its description and default, all
 * from the config schema, so the help cannot drift from the inputs.
 * @param command the command
 */
export function renderCommandHelp(command: CliCommand): string {
  if (command.usage !== undefined) {
    const notes = command.notes && command.notes.length > 0 ? ['', ...command.notes] : [];
    return [`usage: ${command.usage}`, '', command.summary, ...notes].join('\n');
  }
  const entries = flagEntries(command);
  const labels = entries.map(flagLabel);
  const width = labels.reduce((widest, label) => Math.max(widest, label.length), '-h, --help'.length) + 2;
  const lines = [`usage: ${renderUsage(command)}`, '', command.summary, '', 'flags:'];
  for (const [index, entry] of entries.entries()) {
    const fallback = command.defaults?.[entry.name] ?? entry.default;
    const notes = [fallback === '' ? '' : `default: ${fallback}`, ...(entry.aliases ?? []).map((alias) => `also --${alias}`)].filter(Boolean);
    lines.push(`  ${labels[index]!.padEnd(width)}${entry.description}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
  }
  lines.push(`  ${'-h, --help'.padEnd(width)}Show this help.`);
  if (command.notes && command.notes.length > 0) {
    lines.push('');
    for (const note of command.notes) lines.push(note);
  }
  return lines.join('\n');
}

/**
 * The top-level help: every command with its summary.
 * @param commands the command table
 */
export function renderHelp(commands: readonly CliCommand[]): string {
  const width = commands.reduce((widest, c) => Math.max(widest, c.name.length), 0) + 2;
  return [
    'usage: benchgate <command> [flags]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "'benchgate <command> --help' lists a command's flags; 'benchgate --version' prints the version.",
    'Exit status: 0 success, 1 a failed gate or an errored benchmark, 2 bad usage or bad input.',
  ].join('\n');
}
