/**
 * Speed of merging shards (issue 16): 100 shard files of 100 benchmarks each (the shape the
 * runner writes: 4 metrics × 10 process runs per benchmark, with each shard's identity) must be
 * read, validated, checked and merged in under 2 s. The ids are dealt to shards by
 * `assignShard`, so every shard holds exactly the benchmarks the hash gives it (about 100 each).
 * Prints each repetition's time for reading+validating the files, for `mergeShards` alone, and
 * the median total as a ratio to the 2 s budget.
 * Run: npx node benchmarks/merge-speed.ts [shards] [benchmarks-per-shard]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { assignShard } from '../src/results/assign-shard.ts';
import { mergeShards, type ShardFile } from '../src/results/merge-shards.ts';
import { readResults } from '../src/results/read-results.ts';
import { RESULTS_SCHEMA, type Benchmark, type Results } from '../src/results/schema.ts';
import { createRandom } from '../src/stats/index.ts';

const SHARDS = Number(process.argv[2] ?? 100);
const PER_SHARD = Number(process.argv[3] ?? 100);
const RUNS = 10;
const BUDGET_MS = 2000;
const REPETITIONS = 5;

function benchmark(id: string, random: () => number): Benchmark {
  const runs = (center: number) => Array.from({ length: RUNS }, () => center * Math.exp(0.03 * (random() - 0.5)));
  return {
    id,
    state: 'completed',
    metrics: [
      { name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs: runs(1000), iterations: runs(5000).map(Math.round) },
      { name: 'latency-mean', unit: 'ns', direction: 'smaller', gate: false, observation: 'process', runs: runs(1100) },
      { name: 'cpu-cores', unit: 'cores', direction: 'bigger', gate: false, observation: 'process', runs: runs(1) },
      { name: 'heap-per-iteration', unit: 'B', direction: 'smaller', gate: false, observation: 'process', runs: runs(64) },
    ],
  };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'benchgate-merge-speed-'));
try {
  const random = createRandom(16);
  const slices = Array.from({ length: SHARDS }, (): string[] => []);
  for (let b = 0; b < SHARDS * PER_SHARD; b++) {
    const id = `suite${b % 50}/task${b}`;
    slices[assignShard(id, SHARDS) - 1]!.push(id);
  }
  const files: string[] = [];
  for (const [i, slice] of slices.entries()) {
    const results: Results = {
      schema: RESULTS_SCHEMA,
      tool: 'benchgate',
      commit: 'c'.repeat(40),
      ref: 'refs/heads/main',
      createdAt: new Date(0).toISOString(),
      seed: i,
      environment: { cpuModel: 'x', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null },
      benchmarks: slice.map((id) => benchmark(id, random)),
      shard: {
        index: i + 1,
        count: SHARDS,
        runId: '1',
        design: 'stored',
        settings: { suites: 'benchmarks/**/*.bench.ts', time: 100, runs: 10 },
        assigned: [...slice].sort(),
      },
    };
    const file = path.join(dir, `shard-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    files.push(file);
  }
  console.log(
    `${SHARDS} shards · ${SHARDS * PER_SHARD} benchmarks (${Math.min(...slices.map((s) => s.length))}–${Math.max(...slices.map((s) => s.length))} per shard) · ${RUNS} runs × 4 metrics · Node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
  );
  const totals: number[] = [];
  for (let rep = 1; rep <= REPETITIONS; rep++) {
    const start = performance.now();
    const read: ShardFile[] = [];
    for (const file of files) read.push({ file, results: await readResults(file) });
    const readDone = performance.now();
    const merge = mergeShards(read);
    const end = performance.now();
    if (merge.problems.length > 0 || merge.results.benchmarks.length !== SHARDS * PER_SHARD)
      throw new Error(`merge went wrong: ${merge.problems.length} problems`);
    totals.push(end - start);
    console.log(
      `rep ${rep}: read+validate ${(readDone - start).toFixed(0)} ms · mergeShards ${(end - readDone).toFixed(0)} ms · total ${(end - start).toFixed(0)} ms`,
    );
  }
  const median = [...totals].sort((a, b) => a - b)[Math.floor(REPETITIONS / 2)]!;
  console.log(`median total ${median.toFixed(0)} ms = ${(median / BUDGET_MS).toFixed(2)} × the ${BUDGET_MS / 1000} s budget`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
