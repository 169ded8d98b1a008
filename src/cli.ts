#!/usr/bin/env node
/**
 * `benchgate <command>`: a thin adapter from the command line to the pipeline. Each command is a
 * `CliCommand` in the table below; its flags are config inputs, so validation and `--help` come
 * from the config schema. Exit codes: 0 success, 1 a failed gate or an errored benchmark, 2 bad
 * usage or bad input.
 */
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { buildCliConfig, parseCommandLine, renderCommandHelp, renderHelp, renderUsage, UsageError, type CliCommand, type CliContext } from './cli-command.ts';
import { abCommand } from './ab-command.ts';
import { compareCommand } from './compare-command.ts';
import { dashboardCliCommand } from './dashboard-command.ts';
import { historyCliCommand } from './history-command.ts';
import { CompareConfigError } from './compare/compare-config.ts';
import { ConfigError } from './config/config.ts';
import { mergeCommand } from './merge-command.ts';
import { FormatError } from './results/format-error.ts';
import { runCommand } from './run-command.ts';
import { RunnerError } from './runner/runner-error.ts';

/** Every command, in the order `benchgate --help` lists them. To add one, add its `CliCommand` here. */
export const COMMANDS: readonly CliCommand[] = [runCommand, compareCommand, abCommand, mergeCommand, historyCliCommand, dashboardCliCommand];

/** Errors that are the user's input, not a bug: exit 2 with the message (and the usage for a usage error). */
function isInputError(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof CompareConfigError || error instanceof FormatError || error instanceof RunnerError;
}

/**
 * Runs the CLI and returns its exit code.
 * @param argv the arguments after the program name
 * @param cwd the working directory every path is relative to
 * @param env the environment (of the benchmark child processes, and for the commit and ref)
 */
export async function main(argv: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<number> {
  const context: CliContext = { cwd, env, print: (line) => console.log(line), printError: (line) => console.error(line) };
  let command: CliCommand | null = null;
  try {
    const parsed = parseCommandLine(argv, COMMANDS);
    if (parsed.kind === 'version') {
      context.print(packageJson.version);
      return 0;
    }
    if (parsed.kind === 'help') {
      context.print(parsed.command === null ? renderHelp(COMMANDS) : renderCommandHelp(parsed.command));
      return 0;
    }
    command = parsed.command;
    if (parsed.kind === 'raw') return await parsed.command.runArgs!(parsed.args, context);
    const config = buildCliConfig(parsed.input, cwd, randomInt(0, 2 ** 31), existsSync);
    return await command.run({ config, positionals: parsed.positionals }, context);
  } catch (error: unknown) {
    if (!isInputError(error)) throw error;
    context.printError(`benchgate: ${error.message}${usageHint(error, command)}`);
    return 2;
  }
}

/** What follows the one-line message: the usage after a bad flag or value, the command list after an unknown command. */
function usageHint(error: Error, current: CliCommand | null): string {
  if (!(error instanceof ConfigError)) return '';
  const command = error instanceof UsageError ? error.command : current;
  if (command === null) return `\n${renderHelp(COMMANDS)}`;
  return `\nusage: ${renderUsage(command)}  ('benchgate ${command.name} --help' lists the flags)`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.cwd(), process.env);
}
