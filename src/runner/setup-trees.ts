/**
 * Prepares the two trees of the same-runner design before anything is measured: the user's
 * `setup` command in each, or, without one, the head's `node_modules` for a base whose lockfile
 * is byte-identical, else the lockfile's clean install in the base tree.
 */
import { lstat, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { BaseUnusableError } from './base-unusable-error.ts';
import { buildChildEnvironment } from './child-environment.ts';
import { RunnerError } from './runner-error.ts';
import { describeShellFailure, runShell } from './run-shell.ts';

/** A lockfile and the clean install that honours it. */
export interface Lockfile {
  file: 'package-lock.json' | 'pnpm-lock.yaml' | 'yarn.lock';
  install: string;
}

/** The lockfiles recognised, in the order they are looked for. */
export const LOCKFILES: readonly Lockfile[] = [
  { file: 'package-lock.json', install: 'npm ci' },
  { file: 'pnpm-lock.yaml', install: 'pnpm install --frozen-lockfile' },
  { file: 'yarn.lock', install: 'yarn install --immutable' },
];

/** What was done to one tree; the pipeline logs it and the report may show it. */
export type SetupAction =
  | { kind: 'command'; command: string; seconds: number }
  | { kind: 'linked'; lockfile: Lockfile['file']; target: string }
  | { kind: 'install'; command: string; seconds: number }
  | { kind: 'none'; reason: string };

/** What `setupTrees` prepares. */
export interface SetupOptions {
  /** The head's working folder (the action's working directory). */
  head: string;
  /** The base tree's working folder (the same folder inside the base worktree). */
  base: string;
  /** A shell command run in each tree, head first; null chooses by lockfile. */
  setup: string | null;
  /** The parent's environment; the setup shells get it through `buildChildEnvironment`. */
  env: Record<string, string | undefined>;
  /** The action's token, withheld from the setup shells wherever it appears. @default null */
  token?: string | null;
  /** Variable names (the `pass-env` input) that reach the shells even when they would be withheld. @default [] */
  passEnv?: readonly string[];
  /** Each command is killed after this many ms. */
  timeout: number;
  log: { info(message: string): void };
  /**
   * Whether the `setup` command also runs in `head`. False when `head` is only the reference
   * whose node_modules and lockfile a second worktree is compared with. @default true
   */
  runInHead?: boolean;
}

/** What was done to each tree. */
export interface SetupReport {
  head: SetupAction;
  base: SetupAction;
}

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The first lockfile in `folder`, with its bytes.
 * @param folder the folder holding package.json
 */
export async function findLockfile(folder: string): Promise<{ lockfile: Lockfile; bytes: Buffer } | null> {
  for (const lockfile of LOCKFILES) {
    const bytes = await readIfPresent(path.join(folder, lockfile.file));
    if (bytes !== null) return { lockfile, bytes };
  }
  return null;
}

/**
 * Runs the setup of both trees and logs what was done in each.
 * @param options the trees, the `setup` command, environment, timeout and log
 * @returns what was done to each tree
 * @throws RunnerError when the head's setup fails (the job's own checkout is broken)
 * @throws BaseUnusableError (`setup-failed`) when the base's setup or clean install fails
 */
export async function setupTrees(options: SetupOptions): Promise<SetupReport> {
  const { env } = buildChildEnvironment(options.env, { token: options.token ?? null, passEnv: options.passEnv ?? [] });
  const shell = (command: string, cwd: string) => runShell(command, { cwd, env, timeout: options.timeout, onLine: (line) => options.log.info(`  ${line}`) });
  if (options.setup !== null) {
    const command = options.setup;
    let head: SetupAction = { kind: 'none', reason: 'set up separately' };
    if (options.runInHead !== false) {
      options.log.info(`setup of the head tree: ${command}`);
      const outcome = await shell(command, options.head);
      if (outcome.state !== 'ok') throw new RunnerError(`input 'setup' failed in the head tree (${options.head}): ${describeShellFailure(command, outcome)}`);
      head = { kind: 'command', command, seconds: outcome.ms / 1000 };
    }
    options.log.info(`setup of the base tree: ${command}`);
    const base = await shell(command, options.base);
    if (base.state !== 'ok') throw new BaseUnusableError(`input 'setup' failed in the base tree: ${describeShellFailure(command, base)}`, 'setup-failed');
    return { head, base: { kind: 'command', command, seconds: base.ms / 1000 } };
  }
  const head: SetupAction = { kind: 'none', reason: "the head is measured as checked out (no 'setup' input)" };
  const headLock = await findLockfile(options.head);
  const baseLock = await findLockfile(options.base);
  let base: SetupAction;
  if (baseLock === null) {
    base = { kind: 'none', reason: 'the base tree has no lockfile (package-lock.json, pnpm-lock.yaml or yarn.lock)' };
  } else if (headLock !== null && headLock.lockfile.file === baseLock.lockfile.file && headLock.bytes.equals(baseLock.bytes)) {
    const target = path.join(options.head, 'node_modules');
    const link = path.join(options.base, 'node_modules');
    if (!(await exists(target))) {
      base = { kind: 'none', reason: `${baseLock.lockfile.file} is identical in both trees but the head has no node_modules to share` };
    } else if (await exists(link)) {
      base = { kind: 'none', reason: 'the base tree already has a node_modules' };
    } else {
      await symlink(target, link, 'junction');
      base = { kind: 'linked', lockfile: baseLock.lockfile.file, target };
    }
  } else {
    const command = baseLock.lockfile.install;
    const why = headLock === null ? 'the head has no lockfile' : `${baseLock.lockfile.file} differs from the head's ${headLock.lockfile.file}`;
    options.log.info(`setup of the base tree: ${command} (${why})`);
    const outcome = await shell(command, options.base);
    if (outcome.state !== 'ok') throw new BaseUnusableError(`the base tree's clean install failed: ${describeShellFailure(command, outcome)}`, 'setup-failed');
    base = { kind: 'install', command, seconds: outcome.ms / 1000 };
  }
  options.log.info(`setup: head: ${describeSetup(head)}; base: ${describeSetup(base)}`);
  return { head, base };
}

/**
 * One phrase saying what a setup did, for the log and the report.
 * @param action what was done
 */
export function describeSetup(action: SetupAction): string {
  switch (action.kind) {
    case 'command':
      return `ran '${action.command}' (${action.seconds.toFixed(1)} s)`;
    case 'install':
      return `ran '${action.command}' (${action.seconds.toFixed(1)} s)`;
    case 'linked':
      return `${action.lockfile} is byte-identical, so it uses the head's node_modules (a link)`;
    case 'none':
      return `nothing to do: ${action.reason}`;
  }
}
