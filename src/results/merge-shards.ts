/**
 * Merges the results files of the shard jobs of one run (`shard: i/n`) into the results one job
 * would have written, after checking that every shard is there exactly once and that they all
 * belong to the same run: the same shard count, commits, workflow run, design and settings.
 * Pure: the caller reads the files.
 */
import { z } from 'zod';
import { assignShard } from './assign-shard.ts';
import type { Benchmark, Environment, Results, ResultsCore, Shard } from './schema.ts';

/** One shard job's results file, read and validated. */
export interface ShardFile {
  /** The file, as the user named it (for messages). */
  file: string;
  results: Results;
}

/**
 * Something wrong with the set of shard files; each names the shard or file.
 * - `not-a-shard`: the file has no shard identity (a whole run, not the output of `shard: i/n`).
 * - `missing`: no file holds this shard.
 * - `duplicate`: more than one file holds this shard; none of them is merged.
 * - `mismatch`: the file belongs to another run: `field` differs from the run most files belong to.
 * - `unassigned`: the file holds a benchmark that the hash gives to another shard (`owner`).
 */
export const ShardProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-a-shard'), file: z.string() }),
  z.object({ kind: z.literal('missing'), index: z.number().int() }),
  z.object({ kind: z.literal('duplicate'), index: z.number().int(), files: z.array(z.string()) }),
  z.object({ kind: z.literal('mismatch'), file: z.string(), index: z.number().int(), field: z.string(), expected: z.string(), got: z.string() }),
  z.object({ kind: z.literal('unassigned'), file: z.string(), index: z.number().int(), id: z.string(), owner: z.number().int() }),
]);
export type ShardProblem = z.infer<typeof ShardProblemSchema>;

/** The environment one merged shard ran on. */
export interface ShardEnvironment {
  index: number;
  file: string;
  environment: Environment;
}

/** What `mergeShards` produced: the merged run (of the shards that passed the checks) and every problem. */
export interface ShardMerge {
  /** The shard count of the run (most files'). */
  count: number;
  design: Shard['design'];
  /** The shard indexes merged, ascending. */
  merged: number[];
  /** The merged (head) results, without a shard identity, benchmarks sorted by id. */
  results: Results;
  /** The same-runner design: the merged base side; null for the stored design. */
  base: Results | null;
  /** The run's settings, as the shards recorded them. */
  settings: Shard['settings'];
  /** Each merged shard's machine, by index: compare them with `diffFingerprints`. */
  environments: ShardEnvironment[];
  /** Empty when the merge is complete; else each missing, duplicated or mismatched shard. */
  problems: ShardProblem[];
}

/** The fields every shard of one run shares, as text for comparing and messages. */
function runKey(results: Results, shard: Shard): [field: string, value: string][] {
  return [
    ['shard count', String(shard.count)],
    ['design', shard.design],
    ['commit', results.commit ?? '(none)'],
    ['base commit', shard.base ? (shard.base.commit ?? '(none)') : '(none)'],
    ['workflow run', shard.runId ?? '(none)'],
    ['tool', results.tool],
    ...Object.keys(shard.settings)
      .sort()
      .map((name): [string, string] => [`setting '${name}'`, JSON.stringify(shard.settings[name])]),
  ];
}

function keyText(key: [string, string][]): string {
  return JSON.stringify(key);
}

/** Sorts by id, a plain code-unit order that is the same everywhere. */
function byId(a: Benchmark, b: Benchmark): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function mergeSide(sides: readonly ResultsCore[]): Results {
  const first = sides[0]!;
  const benchmarks: Benchmark[] = [];
  for (const side of sides) for (const benchmark of side.benchmarks) benchmarks.push(benchmark);
  benchmarks.sort(byId);
  // The earliest start: ISO 8601 times in UTC sort as text.
  const createdAt = sides.map((side) => side.createdAt).sort()[0]!;
  const seeds = new Set(sides.map((side) => side.seed));
  return {
    schema: first.schema,
    tool: first.tool,
    commit: first.commit,
    ref: first.ref,
    createdAt,
    seed: seeds.size === 1 ? first.seed : null,
    environment: first.environment,
    benchmarks,
  };
}

/**
 * Checks and merges the shard files of one run. Files that fail a check (not a shard, another
 * run, a duplicated index, a benchmark of another shard) are left out and named in `problems`;
 * the rest are merged, so the caller can still report the partial results beside the error.
 * The run the files are checked against is the one most files agree on.
 * @param files the shard files, in any order
 * @returns the merged results and every problem
 * @throws RangeError when no file is a shard (there is nothing to merge)
 * @example
 * mergeShards([{ file: 'a.json', results: shard1 }, { file: 'b.json', results: shard2 }]).problems // => [] when both of 2 shards are there
 */
export function mergeShards(files: readonly ShardFile[]): ShardMerge {
  const problems: ShardProblem[] = [];
  const shards: { file: string; results: Results; shard: Shard; key: string; fields: [string, string][] }[] = [];
  for (const { file, results } of files) {
    if (results.shard === undefined) problems.push({ kind: 'not-a-shard', file });
    else {
      const fields = runKey(results, results.shard);
      shards.push({ file, results, shard: results.shard, key: keyText(fields), fields });
    }
  }
  if (shards.length === 0) {
    throw new RangeError(
      files.length === 0
        ? 'no results files to merge'
        : `none of the ${files.length} results file(s) is a shard's output (written with 'shard: i/n'): ${files.map((f) => f.file).join(', ')}`,
    );
  }
  shards.sort((a, b) => a.shard.index - b.shard.index || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // The run most files agree on; a tie goes to the run of the lowest shard index.
  const votes = new Map<string, number>();
  for (const shard of shards) votes.set(shard.key, (votes.get(shard.key) ?? 0) + 1);
  let reference = shards[0]!;
  for (const shard of shards) if (votes.get(shard.key)! > votes.get(reference.key)!) reference = shard;

  const sameRun = shards.filter((shard) => {
    if (shard.key === reference.key) return true;
    const expected = new Map(reference.fields);
    const got = new Map(shard.fields);
    for (const field of new Set([...expected.keys(), ...got.keys()])) {
      const [want, have] = [expected.get(field) ?? '(absent)', got.get(field) ?? '(absent)'];
      if (want !== have) problems.push({ kind: 'mismatch', file: shard.file, index: shard.shard.index, field, expected: want, got: have });
    }
    return false;
  });

  const count = reference.shard.count;
  const byIndex = new Map<number, typeof shards>();
  for (const shard of sameRun) byIndex.set(shard.shard.index, [...(byIndex.get(shard.shard.index) ?? []), shard]);
  const merged: typeof shards = [];
  for (let index = 1; index <= count; index++) {
    const held = byIndex.get(index) ?? [];
    if (held.length === 0) problems.push({ kind: 'missing', index });
    else if (held.length > 1) problems.push({ kind: 'duplicate', index, files: held.map((shard) => shard.file) });
    else {
      const [shard] = held as [(typeof shards)[number]];
      const ids = new Set(shard.shard.assigned);
      for (const benchmark of shard.results.benchmarks) ids.add(benchmark.id);
      let foreign = false;
      for (const id of ids) {
        const owner = assignShard(id, count);
        if (owner !== index) {
          problems.push({ kind: 'unassigned', file: shard.file, index, id, owner });
          foreign = true;
        }
      }
      if (!foreign) merged.push(shard);
    }
  }

  const design = reference.shard.design;
  const heads = merged.map((shard) => shard.results);
  const bases = merged.map((shard) => shard.shard.base).filter((base): base is ResultsCore => base !== undefined);
  const empty: Results = { ...mergeSide([reference.results]), benchmarks: [] };
  return {
    count,
    design,
    merged: merged.map((shard) => shard.shard.index),
    results: heads.length > 0 ? mergeSide(heads) : empty,
    base: design === 'same-runner' ? (bases.length > 0 ? mergeSide(bases) : { ...empty, commit: reference.shard.base?.commit ?? null, benchmarks: [] }) : null,
    settings: reference.shard.settings,
    environments: merged.map((shard) => ({ index: shard.shard.index, file: shard.file, environment: shard.results.environment })),
    problems,
  };
}
