/**
 * Wall time of the default suite (benchmarks/**\/*.bench.*) measured by one job against the same
 * suite split into 2 shards run in parallel (`benchgate run --shard 1/2` and `2/2` at the same
 * time), alternating the two arrangements so slow drifts of the machine hit both alike. Each is a
 * real `benchgate run` (fresh processes per suite and run). Prints every repetition and the
 * median ratio sharded / one job. On a machine with fewer free cores than shards the shards
 * compete for the CPU, so the ratio says what this machine gives, not what two runners give.
 * Run: npx node benchmarks/shard-wall-time.ts [runs] [repetitions]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const RUNS = Number(process.argv[2] ?? 3);
const REPETITIONS = Number(process.argv[3] ?? 3);
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'src', 'cli.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'benchgate-shard-wall-'));

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', '--runs', String(RUNS), '--seed', '1', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`benchgate run ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

try {
  console.log(`default suite · ${RUNS} run(s) · ${REPETITIONS} repetitions · ${os.availableParallelism()} cores · Node ${process.version}`);
  const ratios: number[] = [];
  for (let rep = 1; rep <= REPETITIONS; rep++) {
    const one = await timed(() => run(['--out', path.join(dir, 'one.json')]));
    const two = await timed(() => Promise.all([1, 2].map((index) => run(['--shard', `${index}/2`, '--out', path.join(dir, `shard-${index}.json`)]))));
    ratios.push(two / one);
    console.log(`rep ${rep}: one job ${one.toFixed(1)} s · 2 shards in parallel ${two.toFixed(1)} s · ratio ${(two / one).toFixed(2)}`);
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  console.log(`median ratio (2 shards in parallel / one job): ${median.toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
