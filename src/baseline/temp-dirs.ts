import { rmSync } from 'node:fs';

const live = new Set<string>();
let installed = false;

function removeAll(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort while exiting; nothing else can be done.
    }
  }
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.removeListener('SIGHUP', onSignal);
  // Nobody else handles the signal: end the process as the signal would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

/**
 * Registers a temporary folder to be removed however the process ends: normally, on an uncaught
 * error (the `exit` event), or on SIGINT, SIGTERM or SIGHUP (removed, then the signal's default
 * action, unless another handler is listening). Call `releaseTempDir` after removing it yourself.
 * SIGKILL cannot be caught, which is why nothing secret is ever written into these folders.
 * @param dir the folder
 */
export function trackTempDir(dir: string): void {
  install();
  live.add(dir);
}

/**
 * Forgets a folder registered with `trackTempDir` (it was removed already).
 * @param dir the folder
 */
export function releaseTempDir(dir: string): void {
  live.delete(dir);
}
