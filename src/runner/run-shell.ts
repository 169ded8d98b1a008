import { spawn } from 'node:child_process';

/** How `runShell` runs one command. */
export interface ShellOptions {
  /** The working directory. */
  cwd: string;
  /** The whole environment of the shell (already scrubbed of secrets by the caller). */
  env: Record<string, string | undefined>;
  /** The command is killed (with its process group) after this many ms. */
  timeout: number;
  /** Receives each line the command prints, stdout and stderr alike; null keeps them quiet. */
  onLine: ((line: string) => void) | null;
}

/** How a shell command ended. `output` is the last 4000 characters it printed. */
export type ShellOutcome =
  | { state: 'ok'; output: string; ms: number }
  | { state: 'failed'; exitCode: number | null; signal: string | null; output: string; ms: number }
  | { state: 'timeout'; output: string; ms: number }
  | { state: 'not-started'; error: string; ms: number };

const TAIL = 4000;

/**
 * Runs a command line in the platform's shell (`/bin/sh -c` on POSIX) and waits for it. On POSIX
 * the command gets its own process group, so a timeout kills whatever it started too.
 * @param command the command line, e.g. `npm ci && npm run build`
 * @param options working directory, environment, timeout and line sink
 * @returns how it ended; never throws for the command's own failure
 */
export function runShell(command: string, options: ShellOptions): Promise<ShellOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const posix = process.platform !== 'win32';
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, { cwd: options.cwd, env: options.env, shell: true, detached: posix, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error: unknown) {
      resolve({ state: 'not-started', error: (error as Error).message, ms: elapsed() });
      return;
    }
    let output = '';
    let partial = '';
    let timedOut = false;
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-TAIL);
      if (!options.onLine) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    const kill = () => {
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ state: 'not-started', error: error.message, ms: elapsed() });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (partial && options.onLine) options.onLine(partial);
      if (timedOut) resolve({ state: 'timeout', output, ms: elapsed() });
      else if (code === 0) resolve({ state: 'ok', output, ms: elapsed() });
      else resolve({ state: 'failed', exitCode: code, signal, output, ms: elapsed() });
    });
  });
}

/**
 * One line describing a shell outcome that was not `ok`, with the tail of its output.
 * @param command the command line, quoted in the message
 * @param outcome how it ended
 */
export function describeShellFailure(command: string, outcome: Exclude<ShellOutcome, { state: 'ok' }>): string {
  const tail = 'output' in outcome ? outcome.output.trim().split('\n').slice(-5).join(' / ') : '';
  const why =
    outcome.state === 'timeout'
      ? `was killed after ${(outcome.ms / 1000).toFixed(1)} s`
      : outcome.state === 'not-started'
        ? `could not start: ${outcome.error}`
        : `exited with ${outcome.signal ?? `code ${outcome.exitCode}`}`;
  return `'${command}' ${why}${tail ? `: ${tail}` : ''}`;
}
