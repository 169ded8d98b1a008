import { spawn } from 'node:child_process';

/** How to run one git command. */
export interface GitRunOptions {
  cwd: string;
  /** Written to git's stdin. */
  input?: string | Buffer;
  /** Extra environment variables (e.g. `GIT_INDEX_FILE`). */
  env?: Record<string, string>;
}

/** Runs `git <args>` and resolves with its stdout; rejects with `GitCommandError` on a non-zero exit. */
export type GitRunner = (args: readonly string[], options: GitRunOptions) => Promise<Buffer>;

/** A git command that exited non-zero; `stderr` says why (a rejected push, a missing ref…). */
export class GitCommandError extends Error {
  override name = 'GitCommandError';
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;
  constructor(args: readonly string[], exitCode: number | null, stderr: string) {
    super(`git ${args.join(' ')} exited with ${exitCode}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/**
 * The real `git` CLI. Prompts are disabled, so a missing credential fails instead of hanging.
 * @param args git's arguments
 * @param options working directory, stdin and extra environment
 */
export const runGit: GitRunner = (args, options) =>
  new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => {
      // git may exit before reading all of stdin; its exit code reports the real problem.
    });
    child.stdin.end(options.input ?? '');
  });
