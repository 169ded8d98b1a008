import path from 'node:path';
import type { CliCommand } from './cli-command.ts';
import { ConfigError } from './config/config.ts';
import { mergeShards, type ShardFile } from './results/merge-shards.ts';
import { describeShardProblems } from './report/describe-shard-problems.ts';
import { readResults, writeResults } from './results/read-results.ts';
import type { Results } from './results/schema.ts';

/**
 * `benchgate merge <files>...`: merges the results files of the shard jobs of one run
 * (`benchgate run --shard i/n`, `benchgate ab --shard i/n`, or the action's `shard` input) into
 * one results file, as one job would have written it. It refuses (exit 2, every problem named) a
 * missing, duplicated or mismatched shard, and then writes nothing.
 */
export const mergeCommand: CliCommand = {
  name: 'merge',
  summary:
    "Merge the results files of a run's shards (written with --shard i/n) into one results file; exit 2 when a shard is missing, duplicated or from another run.",
  positionals: ['<files>...'],
  flags: ['output'],
  notes: [
    'Same-runner shards (benchgate ab --shard) merge into a file that keeps both sides: its shard field says 1/1 and holds the merged base.',
    "The action's 'mode: merge' does the same with 'results-files' and then compares, comments, gates and stores as one job would.",
  ],
  async run({ config, positionals }, context) {
    const files: ShardFile[] = [];
    for (const file of positionals) files.push({ file, results: await readResults(path.resolve(context.cwd, file)) });
    let merge: ReturnType<typeof mergeShards>;
    try {
      merge = mergeShards(files);
    } catch (error: unknown) {
      throw new ConfigError((error as Error).message);
    }
    const problems = describeShardProblems(merge.problems, merge.count);
    if (problems.length > 0) {
      context.printError(`benchgate: cannot merge: ${problems.length} problem(s) with the ${merge.count} shard(s) of this run; nothing was written`);
      for (const problem of problems) context.printError(`  ${problem}`);
      return 2;
    }
    let merged: Results = merge.results;
    if (merge.base !== null) {
      const ids = new Set([...merge.results.benchmarks, ...merge.base.benchmarks].map((benchmark) => benchmark.id));
      merged = {
        ...merge.results,
        shard: {
          index: 1,
          count: 1,
          runId: files[0]!.results.shard?.runId ?? null,
          design: 'same-runner',
          settings: merge.settings,
          assigned: [...ids].sort(),
          base: merge.base,
        },
      };
    }
    await writeResults(config.output, merged);
    context.print(`merged ${merge.count} shard(s), ${merge.results.benchmarks.length} benchmark(s) (${merge.design} design) into ${config.output}`);
    return 0;
  },
};
