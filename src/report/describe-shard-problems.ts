import type { ShardProblem } from '../results/merge-shards.ts';

/**
 * One line per problem, naming the shard and the file.
 * @param problems from `mergeShards`
 * @param count the run's shard count
 * @example
 * describeShardProblems([{ kind: 'missing', index: 2 }], 3) // => ['shard 2/3 is missing']
 */
export function describeShardProblems(problems: readonly ShardProblem[], count: number): string[] {
  return problems.map((problem) => describeShardProblem(problem, count));
}

function describeShardProblem(problem: ShardProblem, count: number): string {
  switch (problem.kind) {
    case 'not-a-shard':
      return `${problem.file} is not a shard's output (it has no 'shard' field; was it written with 'shard: i/n'?)`;
    case 'missing':
      return `shard ${problem.index}/${count} is missing`;
    case 'duplicate':
      return `shard ${problem.index}/${count} is present ${problem.files.length} times (${problem.files.join(', ')}); none of them was merged`;
    case 'mismatch':
      return `${problem.file} (shard ${problem.index}) belongs to another run: its ${problem.field} is ${problem.got}, the other shards' is ${problem.expected}`;
    case 'unassigned':
      return `${problem.file} (shard ${problem.index}/${count}) holds ${problem.id}, which belongs to shard ${problem.owner}/${count}`;
  }
}
