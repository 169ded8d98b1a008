/**
 * Starts `bare-tinybench.ts` in a forked process (stdout ignored, stderr shown, an IPC channel)
 * and resolves with each task's p50 in ns, as the child reports it over IPC.
 */
import { fork, type ForkOptions } from 'node:child_process';
import path from 'node:path';

const bareScript = path.join(import.meta.dirname, 'bare-tinybench.ts');

export function forkBareTinybench(
  suite: string,
  time: number,
  warmupTime: number,
  options: Pick<ForkOptions, 'execArgv' | 'serialization'>,
): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = fork(bareScript, [suite, String(time), String(warmupTime)], {
      ...options,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let reply: Record<string, number> | null = null;
    child.on('message', (message: Record<string, number>) => (reply = message));
    child.on('error', reject);
    child.on('exit', (code) => (reply ? resolve(reply) : reject(new Error(`bare child exited with code ${code}`))));
  });
}
