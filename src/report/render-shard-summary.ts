import type { Results } from '../results/schema.ts';
import { escapeMarkdown } from './escape-markdown.ts';

/** The most benchmark ids the shard summary lists; the rest are counted. */
const LISTED_IDS = 200;

/**
 * The job summary of a shard job (`shard: i/n`): which slice it measured and that the merge job
 * reports. A shard's own comparison covers only its slice, so it is not shown as a verdict.
 * @param results the shard's results, with their `shard` identity
 * @returns markdown
 * @example
 * renderShardSummary(shardResults).split('\n')[0] // => '## benchgate: shard 2 of 3'
 */
export function renderShardSummary(results: Results): string {
  const shard = results.shard;
  if (shard === undefined) throw new Error('renderShardSummary: the results have no shard identity');
  const errored = results.benchmarks.filter((benchmark) => benchmark.state === 'errored').length;
  const lines = [
    `## benchgate: shard ${shard.index} of ${shard.count}`,
    '',
    `This job measured its slice of the suite: ${shard.assigned.length} benchmark${shard.assigned.length === 1 ? '' : 's'}${shard.design === 'same-runner' ? ', each on both sides (base and head) in the same rounds' : ''}${errored > 0 ? `, ${errored} of them errored` : ''}. ` +
      "It neither comments, stores nor gates: the job with `mode: merge` merges every shard's results file and compares the whole suite.",
  ];
  if (shard.assigned.length > 0) {
    lines.push('', `<details><summary>Benchmarks in shard ${shard.index}</summary>`, '');
    for (const id of shard.assigned.slice(0, LISTED_IDS)) lines.push(`- ${escapeMarkdown(id)}`);
    if (shard.assigned.length > LISTED_IDS) lines.push(`- and ${shard.assigned.length - LISTED_IDS} more`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
