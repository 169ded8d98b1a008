/**
 * Why benchgate and a plain `node` script disagree on allocation-heavy tasks: bare tinybench
 * (no benchgate code at all) forked with different V8 flags, in a shuffled order each round.
 * Prints each variant's median p50 per task and its ratio to the variant without flags.
 *
 *   npx node benchmarks/harness/flag-effect.ts [rounds=6] [time-ms=200]
 */
import path from 'node:path';
import { median } from 'simple-statistics';
import { createRandom } from '../../src/stats/create-random.ts';
import { shuffle } from '../../src/stats/shuffle.ts';
import { forkBareTinybench } from './fork-bare-tinybench.ts';

const rounds = Number(process.argv[2] ?? 6);
const time = Number(process.argv[3] ?? 200);
const here = import.meta.dirname;
const suite = path.join(here, 'overhead.suite.ts');
const variants: Record<string, string[]> = {
  'no flags': [],
  '--expose-gc': ['--expose-gc'],
  '--no-opt': ['--no-opt'],
  '--stack-size=984': ['--stack-size=984'],
};

const p50s = new Map<string, Map<string, number[]>>();
const random = createRandom(1);
for (let round = 0; round < rounds; round++) {
  for (const name of shuffle(Object.keys(variants), random)) {
    for (const [task, p50] of Object.entries(await forkBareTinybench(suite, time, 50, { execArgv: variants[name]! }))) {
      const byVariant = p50s.get(task) ?? new Map<string, number[]>();
      byVariant.set(name, [...(byVariant.get(name) ?? []), p50]);
      p50s.set(task, byVariant);
    }
  }
  process.stderr.write(`round ${round + 1}/${rounds}\n`);
}

console.log(`bare tinybench, forked with each flag set, ${rounds} shuffled rounds, ${time} ms per task`);
console.log('task          variant              median p50   ratio to no flags');
for (const [task, byVariant] of p50s) {
  const reference = median(byVariant.get('no flags')!);
  for (const name of Object.keys(variants)) {
    const values = byVariant.get(name)!;
    console.log(`${task.padEnd(13)} ${name.padEnd(20)} ${median(values).toFixed(0).padStart(8)} ns   ${(median(values) / reference).toFixed(3)}`);
  }
}
