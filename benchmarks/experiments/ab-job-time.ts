/**
 * How much longer a pull request's job takes with `compare-with: base`: wall time of benchgate's
 * own default suite measured three ways, one after the other in one run on this machine:
 *   1. the stored design: `benchgate run --runs 10` (the head only);
 *   2. the same-runner design with a fixed count: `benchgate ab HEAD --runs 10`;
 *   3. the same-runner design with adaptive rounds: `benchgate ab HEAD --runs auto` (max-time 600 s).
 * HEAD against the working tree is an A/A comparison (same code), the case where `auto` has the
 * most work: every interval must settle inside ±threshold.
 *
 * Usage: npx node benchmarks/experiments/ab-job-time.ts [--seed N] [--max-time S]
 * Prints one line per design and the ratios to the stored design.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, 'max-time': { type: 'string', default: '600' } } });
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'src', 'cli.ts');
const out = mkdtempSync(path.join(os.tmpdir(), 'benchgate-ab-job-time-'));

function timed(args: string[]): Promise<{ seconds: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => resolve({ seconds: (performance.now() - started) / 1000, code }));
  });
}

function roundsOf(report: string): string {
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { baselineChoice: { description: string } | null };
  return parsed.baselineChoice?.description.replace(/^.*? in (\d+) interleaved rounds(, stopped [^(]*)?.*$/, '$1 rounds$2').trim() ?? '';
}

console.log(
  `load average at start: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (${os.availableParallelism()} cores)`,
);
const stored = await timed(['run', '--runs', '10', '--seed', values.seed, '--output', path.join(out, 'stored.json')]);
console.log(`stored design, run --runs 10:         ${stored.seconds.toFixed(0)} s`);
const report = (name: string) => ['--report-json', path.join(out, `${name}.json`), '--report-markdown', path.join(out, `${name}.md`)];
const fixed = await timed(['ab', 'HEAD', '--runs', '10', '--seed', values.seed, '--fail-on', 'never', ...report('fixed')]);
console.log(
  `same-runner, ab HEAD --runs 10:       ${fixed.seconds.toFixed(0)} s (${(fixed.seconds / stored.seconds).toFixed(2)}× stored; ${roundsOf(path.join(out, 'fixed.json'))})`,
);
const auto = await timed(['ab', 'HEAD', '--runs', 'auto', '--max-time', values['max-time'], '--seed', values.seed, '--fail-on', 'never', ...report('auto')]);
console.log(
  `same-runner, ab HEAD --runs auto:     ${auto.seconds.toFixed(0)} s (${(auto.seconds / stored.seconds).toFixed(2)}× stored; ${roundsOf(path.join(out, 'auto.json'))})`,
);
console.log(
  `load average at end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
