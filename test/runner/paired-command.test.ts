/**
 * `command` mode of the paired runner with real tools: hyperfine and `go test -bench`. Each tree
 * holds its own files; the command runs in each once per round and the adapter reads its output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseToolOutput } from '../../src/formats/index.ts';
import type { Results } from '../../src/results/schema.ts';
import { BaseUnusableError } from '../../src/runner/base-unusable-error.ts';
import { runPairedRounds, type PairedMode, type Side } from '../../src/runner/run-paired-rounds.ts';
import { RunnerError } from '../../src/runner/runner-error.ts';
import { environment, scratchDir } from './paired-helpers.ts';

const meta = { base: { commit: null, ref: null }, head: { commit: null, ref: null }, environment };
const readOutput = (file: string) => parseToolOutput(file, 'auto', { commit: null, ref: null, environment });

function has(tool: string, ...args: string[]): boolean {
  try {
    execFileSync(tool, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function goTree(parent: string, name: string, size: number): string {
  const tree = path.join(parent, name);
  mkdirSync(tree, { recursive: true });
  writeFileSync(path.join(tree, 'go.mod'), 'module example.com/pairs\n\ngo 1.19\n');
  writeFileSync(
    path.join(tree, 'copy_test.go'),
    `package pairs

import "testing"

const size = ${size}

func BenchmarkCopy(b *testing.B) {
	src := make([]byte, size)
	dst := make([]byte, size)
	for i := 0; i < b.N; i++ {
		copy(dst, src)
	}
	b.ReportMetric(float64(size), "bytes-copied/op")
}
`,
  );
  return tree;
}

function runs(results: Results, id: string, metric: string): number[] {
  const benchmark = results.benchmarks.find((b) => b.id === id);
  if (!benchmark) throw new Error(`no ${id} in ${results.benchmarks.map((b) => b.id).join(', ')}`);
  return benchmark.metrics.find((m) => m.name === metric)!.runs;
}

function command(text: string, outputFilePath: string): PairedMode {
  return { kind: 'command', command: text, outputFilePath, timeout: 120_000 };
}

const log = { info: (_line: string) => undefined, warning: (_line: string) => undefined };
const env = { ...process.env, GITHUB_TOKEN: 'ghs_commandtesttoken1' };

describe.skipIf(!has('go', 'version'))('command mode with go test -bench', () => {
  test('one round is one observation per side, from that side’s own tree', { timeout: 180_000 }, async () => {
    const dir = scratchDir('benchgate-go-');
    const trees: Record<Side, string> = { base: goTree(dir, 'base', 100), head: goTree(dir, 'head', 400) };
    const run = await runPairedRounds(
      {
        trees,
        // The token must not reach the command: it fails (and the head failing throws) if it does.
        mode: command(`test -z "$GITHUB_TOKEN" && go test -bench . -count 1 -benchtime 100x -run '^$' > bench.txt`, 'bench.txt'),
        plan: { kind: 'fixed', rounds: 3 },
        seed: 3,
        env,
        token: 'ghs_commandtesttoken1',
      },
      meta,
      { log, readOutput },
    );
    expect(run.rounds).toBe(3);
    expect(run.order.map((o) => o.unit)).toEqual(['command', 'command', 'command']);
    expect(run.base.tool).toBe('go');
    expect(runs(run.base, 'example.com/pairs/Copy', 'bytes-copied/op')).toEqual([100, 100, 100]);
    expect(runs(run.head, 'example.com/pairs/Copy', 'bytes-copied/op')).toEqual([400, 400, 400]);
    const time = run.head.benchmarks[0]!.metrics.find((m) => m.name === 'time')!;
    expect(time).toMatchObject({ observation: 'process', gate: true });
    expect(time.runs).toHaveLength(3);
    expect(time.runs.every((value) => value > 0)).toBe(true);
  });

  test('a base whose command writes no output in round 1 is unusable (command-failed); a stale file is never read', async () => {
    const dir = scratchDir('benchgate-go-');
    const trees: Record<Side, string> = { base: goTree(dir, 'base', 100), head: goTree(dir, 'head', 400) };
    // The base has an old output file and a marker that makes the command skip the benchmark.
    writeFileSync(path.join(trees.base, 'skip'), '');
    writeFileSync(path.join(trees.base, 'bench.txt'), 'BenchmarkCopy-2   100   26.04 ns/op\n');
    const mode = command(`[ -e skip ] && exit 0; go test -bench . -count 1 -benchtime 100x -run '^$' > bench.txt`, 'bench.txt');
    const error = await runPairedRounds({ trees, mode, plan: { kind: 'fixed', rounds: 2 }, seed: 3, env }, meta, { log, readOutput }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('command-failed');
    expect((error as Error).message).toMatch(/the base tree: .*ran, but its output bench\.txt cannot be read/);

    const failing = command('echo "no compiler here" >&2; exit 2', 'bench.txt');
    const headError = await runPairedRounds({ trees, mode: failing, plan: { kind: 'fixed', rounds: 1 }, seed: 4, env }, meta, { log, readOutput }).catch(
      (e: unknown) => e,
    );
    // Whichever side ran first failed: the head's failure is the job's own, the base's makes the base unusable.
    expect(headError instanceof RunnerError || headError instanceof BaseUnusableError).toBe(true);
    expect((headError as Error).message).toMatch(/exited with code 2: no compiler here/);
  });
});

describe.skipIf(!has('hyperfine', '--version'))('command mode with hyperfine', () => {
  test("each round's hyperfine runs become that round's one observation (their median)", async () => {
    const dir = scratchDir('benchgate-hyperfine-');
    const trees: Record<Side, string> = { base: path.join(dir, 'base'), head: path.join(dir, 'head') };
    for (const [side, tree] of Object.entries(trees)) {
      mkdirSync(tree);
      writeFileSync(path.join(tree, 'work.sh'), `# ${side}\ni=0; while [ $i -lt 200 ]; do i=$((i+1)); done\n`);
    }
    const run = await runPairedRounds(
      {
        trees,
        mode: command("hyperfine -N --runs 5 --warmup 1 --style none --command-name work --export-json out.json 'sh work.sh'", 'out.json'),
        plan: { kind: 'fixed', rounds: 3 },
        seed: 9,
        env,
      },
      meta,
      { log, readOutput },
    );
    expect(run.base.tool).toBe('hyperfine');
    for (const side of ['base', 'head'] as const) {
      const benchmark = run[side].benchmarks.find((b) => b.id === 'work')!;
      expect(benchmark.state).toBe('completed');
      for (const metric of benchmark.metrics) {
        expect(metric.observation).toBe('process');
        expect(metric.runs).toHaveLength(3);
        expect(metric.samples).toBeUndefined();
      }
      expect(runs(run[side], 'work', benchmark.metrics[0]!.name).every((value) => value > 0)).toBe(true);
    }
  });
});

function hasPytestBenchmark(): boolean {
  try {
    execFileSync('python3', ['-c', 'import pytest_benchmark'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasPytestBenchmark())('command mode with pytest-benchmark', () => {
  test("each round's pytest-benchmark samples become that round's one observation", { timeout: 180_000 }, async () => {
    const dir = scratchDir('benchgate-pytest-');
    const trees: Record<Side, string> = { base: path.join(dir, 'base'), head: path.join(dir, 'head') };
    for (const [side, tree] of Object.entries(trees)) {
      mkdirSync(tree);
      writeFileSync(
        path.join(tree, 'test_copy.py'),
        `def copy(data):\n    return bytes(data)\n\ndef test_copy(benchmark):\n    benchmark(copy, b"${side === 'base' ? 'x' : 'y'}" * 4096)\n`,
      );
    }
    const run = await runPairedRounds(
      {
        trees,
        mode: command(
          'python3 -m pytest -q -p no:cacheprovider --benchmark-json=bench.json --benchmark-min-rounds=5 --benchmark-max-time=0.05 --benchmark-warmup=off',
          'bench.json',
        ),
        plan: { kind: 'fixed', rounds: 2 },
        seed: 2,
        env,
      },
      meta,
      { log, readOutput },
    );
    expect(run.base.tool).toBe('pytest');
    for (const side of ['base', 'head'] as const) {
      const metric = run[side].benchmarks.find((b) => b.id === 'test_copy.py::test_copy')!.metrics.find((m) => m.name === 'time')!;
      expect(metric.observation).toBe('process');
      expect(metric.runs).toHaveLength(2);
    }
  });
});

describe.skipIf(!has('g++', '--version') || !has('sh', '-c', 'echo "int main(){}" | g++ -x c++ - -o /dev/null -lbenchmark -lpthread'))(
  'command mode with Google Benchmark',
  () => {
    test('each round runs the built benchmark binary of each tree; repetitions become one observation', { timeout: 180_000 }, async () => {
      const dir = scratchDir('benchgate-gbench-');
      const trees: Record<Side, string> = { base: path.join(dir, 'base'), head: path.join(dir, 'head') };
      for (const [side, tree] of Object.entries(trees)) {
        mkdirSync(tree);
        writeFileSync(
          path.join(tree, 'copy_bench.cc'),
          `#include <benchmark/benchmark.h>\n#include <cstring>\n#include <vector>\nstatic void BM_Copy(benchmark::State& state) {\n  std::vector<char> src(${side === 'base' ? 1024 : 4096}), dst(src.size());\n  for (auto _ : state) { std::memcpy(dst.data(), src.data(), src.size()); benchmark::DoNotOptimize(dst.data()); }\n}\nBENCHMARK(BM_Copy);\nBENCHMARK_MAIN();\n`,
        );
        // The build is the tree's setup; the measured command only runs the binary.
        execFileSync('g++', ['-O2', '-o', 'copy_bench', 'copy_bench.cc', '-lbenchmark', '-lpthread'], { cwd: tree });
      }
      const run = await runPairedRounds(
        {
          trees,
          mode: command(
            './copy_bench --benchmark_format=json --benchmark_out=bench.json --benchmark_repetitions=3 --benchmark_min_time=0.02 > /dev/null',
            'bench.json',
          ),
          plan: { kind: 'fixed', rounds: 3 },
          seed: 6,
          env,
        },
        meta,
        { log, readOutput },
      );
      expect(run.base.tool).toBe('googlecpp');
      for (const side of ['base', 'head'] as const) {
        const benchmark = run[side].benchmarks.find((b) => b.id === 'BM_Copy')!;
        expect(benchmark.metrics.map((m) => m.name).sort()).toEqual(['cpu-time', 'real-time']);
        for (const metric of benchmark.metrics) expect(metric.runs).toHaveLength(3);
      }
    });
  },
);

describe.skipIf(!has('cargo', '+nightly', '--version'))('command mode with cargo bench (libtest bencher text)', () => {
  test("each round's bencher line of each tree is that round's observation", { timeout: 240_000 }, async () => {
    const dir = scratchDir('benchgate-cargo-');
    const trees: Record<Side, string> = { base: path.join(dir, 'base'), head: path.join(dir, 'head') };
    for (const [side, tree] of Object.entries(trees)) {
      mkdirSync(path.join(tree, 'benches'), { recursive: true });
      mkdirSync(path.join(tree, 'src'));
      writeFileSync(path.join(tree, 'Cargo.toml'), '[package]\nname = "pairs"\nversion = "0.1.0"\nedition = "2021"\n');
      writeFileSync(path.join(tree, 'src', 'lib.rs'), 'pub fn copy(src: &[u8], dst: &mut [u8]) { dst.copy_from_slice(src); }\n');
      writeFileSync(
        path.join(tree, 'benches', 'copy.rs'),
        `#![feature(test)]\nextern crate test;\n\n#[bench]\nfn bench_copy(b: &mut test::Bencher) {\n    let src = vec![1u8; ${side === 'base' ? 1024 : 4096}];\n    let mut dst = vec![0u8; src.len()];\n    b.iter(|| pairs::copy(&src, &mut dst));\n}\n`,
      );
    }
    const run = await runPairedRounds(
      { trees, mode: command('cargo +nightly bench --offline --quiet > bench.txt', 'bench.txt'), plan: { kind: 'fixed', rounds: 2 }, seed: 8, env },
      meta,
      { log, readOutput },
    );
    expect(run.base.tool).toBe('cargo');
    for (const side of ['base', 'head'] as const) {
      const metric = run[side].benchmarks.find((b) => b.id === 'bench_copy')!.metrics.find((m) => m.name === 'time')!;
      expect(metric).toMatchObject({ observation: 'process', unit: 'ns' });
      expect(metric.runs).toHaveLength(2);
    }
  });
});
