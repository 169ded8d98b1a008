import { parseArgs } from 'node:util';
import { ConfigError, type InputSource } from './config.ts';

/** A CLI invocation: the command, its positional arguments, and its flags as action inputs. */
export interface CliInvocation {
  command: 'run' | 'compare' | 'help';
  positionals: string[];
  /** Flags under their action-input names, so `buildConfig` validates both the same way. */
  input: InputSource;
}

/** Flags of each command, named as the action inputs are. */
const FLAGS = {
  run: ['suites', 'runs', 'time', 'warmup-time', 'filter', 'out', 'seed', 'run-timeout', 'retain-samples'],
  compare: ['threshold', 'alpha', 'config', 'json', 'markdown', 'seed', 'tool', 'interval', 'fail-on', 'benchmark-set'],
} as const;

/** CLI flags whose action input has another name. */
const INPUT_NAME: Record<string, string> = { out: 'output', json: 'report-json', markdown: 'report-markdown' };

/**
 * Parses `benchgate <command> [flags]`.
 * @param argv the arguments after the program name
 * @throws ConfigError for an unknown command or flag, naming it
 */
export function parseCliArgs(argv: readonly string[]): CliInvocation {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', positionals: [], input: () => '' };
  }
  if (command !== 'run' && command !== 'compare') {
    throw new ConfigError(`unknown command '${command}'; use 'benchgate run' or 'benchgate compare'`);
  }
  const options = Object.fromEntries(
    FLAGS[command].map((flag) => [flag, flag === 'retain-samples' ? { type: 'boolean' as const } : { type: 'string' as const }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error: unknown) {
    throw new ConfigError(`benchgate ${command}: ${(error as Error).message}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const byInput = new Map<string, string>();
  for (const [flag, value] of Object.entries(values)) {
    if (value !== undefined) byInput.set(INPUT_NAME[flag] ?? flag, String(value));
  }
  if (command === 'compare' && parsed.positionals.length !== 2) {
    throw new ConfigError(`benchgate compare takes two paths, <baseline> <current>; got ${parsed.positionals.length}`);
  }
  if (command === 'run' && parsed.positionals.length > 0) {
    throw new ConfigError(`benchgate run takes no positional arguments; got '${parsed.positionals.join(' ')}'`);
  }
  // compare reads any supported format, recognising each by its content unless --tool says.
  if (command === 'compare' && !byInput.has('tool')) byInput.set('tool', 'auto');
  return { command, positionals: parsed.positionals, input: (name) => byInput.get(name) ?? '' };
}
