import { z } from 'zod';
import { centerOf } from '../compare/side-summary.ts';
import { EnvironmentSchema, type Results } from '../results/schema.ts';
import { StoreError, type HistoryJob } from './store.ts';

/** The schema tag of a data-branch index file; a reader refuses a newer one. */
export const INDEX_SCHEMA = 'benchgate/baseline-index@1';

/** The name of the index file inside every `<set>/<branch>/` folder. */
export const INDEX_FILE = 'index.json';

/** One stored run as the index lists it. */
export const IndexEntrySchema = z.object({
  /** File name inside the branch folder, e.g. `<commit>.json`. */
  file: z.string().min(1),
  commit: z.string().min(1),
  /** The results file's `createdAt`: when the run was measured. */
  createdAt: z.string(),
  /** The environment fingerprint of the run, copied from the results file. */
  environment: EnvironmentSchema,
  /** The results file's schema tag, so a reader can warn about a newer file without fetching it. Absent in older indexes. */
  schema: z.string().optional(),
  /** Set when the stored run was judged a regression (issue 13: such runs are not used as baselines by default). */
  regression: z.boolean().optional(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

/** `<set>/<branch>/index.json`: every readable results file of the folder, newest first. */
export const BranchIndexSchema = z.object({
  schema: z.literal(INDEX_SCHEMA),
  benchmarkSet: z.string(),
  branch: z.string(),
  runs: z.array(IndexEntrySchema),
});
export type BranchIndex = z.infer<typeof BranchIndexSchema>;

const COMMIT = /^[0-9a-f]{7,64}$/;

/**
 * The folder of one branch's runs: `<set>/<branch>/`, with `/` in a branch name encoded so
 * `feature/x` stays one folder (`feature%2Fx`).
 * @throws StoreError for a set or branch name that cannot be a folder
 */
export function branchFolder(benchmarkSet: string, branch: string): string {
  for (const [what, name] of [
    ['benchmark set', benchmarkSet],
    ['branch', branch],
  ] as const) {
    if (name === '' || name === '.' || name === '..') throw new StoreError(`${what} name '${name}' cannot name a folder`, 'invalid');
  }
  return `${encodeURIComponent(benchmarkSet)}/${encodeURIComponent(branch)}`;
}

/**
 * Checks a commit SHA before it becomes a file name.
 * @throws StoreError naming the field
 */
export function checkCommit(commit: string, field: string): string {
  if (!COMMIT.test(commit)) throw new StoreError(`${field} must be a hex commit SHA, got '${commit}'`, 'invalid');
  return commit;
}

/**
 * The file name for a new run of `commit`: `<commit>.json`, or `<commit>-2.json`, `-3`… when the
 * commit was stored before (a re-run), so no stored run is ever overwritten.
 */
export function chooseFileName(commit: string, existing: ReadonlySet<string>): string {
  if (!existing.has(`${commit}.json`)) return `${commit}.json`;
  for (let n = 2; ; n++) if (!existing.has(`${commit}-${n}.json`)) return `${commit}-${n}.json`;
}

/**
 * The commit a stored file belongs to, from its name (`<commit>.json` or `<commit>-<n>.json`).
 * @returns null for a name that is not a stored run
 */
export function commitOfFile(file: string): string | null {
  const match = /^([0-9a-f]{7,64})(?:-\d+)?\.json$/.exec(file);
  return match ? match[1]! : null;
}

/**
 * Builds an index entry from a stored results file; the commit comes from the file's name.
 * @param regression whether the run was judged a regression (recorded only when true)
 */
export function toIndexEntry(file: string, commit: string, results: Results, regression = false): IndexEntry {
  const entry: IndexEntry = { file, commit, createdAt: results.createdAt, environment: results.environment, schema: results.schema };
  if (regression) entry.regression = true;
  return entry;
}

/** Orders entries newest first (by measurement time, then file name, so the order is total). */
export function sortNewestFirst(entries: IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => (a.createdAt === b.createdAt ? b.file.localeCompare(a.file) : b.createdAt.localeCompare(a.createdAt)));
}

/**
 * Splits entries into those retention keeps and those it deletes.
 * @param entries newest first
 * @param maxHistory runs to keep per branch
 */
export function applyRetention(entries: IndexEntry[], maxHistory: number): { keep: IndexEntry[]; drop: IndexEntry[] } {
  return { keep: entries.slice(0, maxHistory), drop: entries.slice(maxHistory) };
}

/** Renders an index file (stable, pretty JSON with a trailing newline). */
export function renderIndex(benchmarkSet: string, branch: string, runs: IndexEntry[]): string {
  const index: BranchIndex = { schema: INDEX_SCHEMA, benchmarkSet, branch, runs };
  return `${JSON.stringify(index, null, 2)}\n`;
}

/**
 * Parses an index file.
 * @returns the index, or a reason it cannot be used; `newer` when a newer benchgate wrote it
 */
export function parseIndex(text: string): { state: 'ok'; index: BranchIndex } | { state: 'invalid' | 'newer'; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    return { state: 'invalid', message: `not valid JSON: ${(error as Error).message}` };
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  const version = typeof schema === 'string' ? /^benchgate\/baseline-index@(\d+)$/.exec(schema) : null;
  if (version && Number(version[1]) > 1) return { state: 'newer', message: `schema '${String(schema)}' is newer than '${INDEX_SCHEMA}'` };
  const parsed = BranchIndexSchema.safeParse(data);
  if (!parsed.success) return { state: 'invalid', message: parsed.error.issues[0]!.message };
  return { state: 'ok', index: parsed.data };
}

/**
 * Reduces one stored job to its centers: the median of each metric's runs (or the reported mean
 * for an `aggregate` metric without runs). Errored benchmarks and empty metrics are left out.
 * @returns centers keyed by `${benchmarkId}::${metricName}`
 */
export function summarizeJob(results: Results, commit: string): HistoryJob {
  const centers: Record<string, number> = {};
  for (const benchmark of results.benchmarks) {
    if (benchmark.state !== 'completed') continue;
    for (const metric of benchmark.metrics) {
      const center = centerOf(metric);
      if (center !== null) centers[`${benchmark.id}::${metric.name}`] = center;
    }
  }
  return { commit, centers };
}

/** A candidate baseline in the order `load` tries them, with how it was found. */
export interface Candidate {
  entry: IndexEntry;
  method: 'merge-base' | 'ancestor' | 'latest-on-branch';
  /** First-parent steps from the merge base (0 at the merge base), null for a fallback. */
  distance: number | null;
}

/**
 * Orders the stored runs of the base branch as baseline candidates: first those whose commit
 * is on the merge base's first-parent line (nearest first, newest run first within a commit),
 * then every other run newest first as the fallback.
 * @param entries the base branch's index, newest first
 * @param line the merge base followed by its first-parent ancestors; empty when unknown
 */
export function rankCandidates(entries: IndexEntry[], line: readonly string[]): Candidate[] {
  const byCommit = new Map<string, IndexEntry[]>();
  for (const entry of entries) byCommit.set(entry.commit, [...(byCommit.get(entry.commit) ?? []), entry]);
  const ranked: Candidate[] = [];
  const used = new Set<IndexEntry>();
  line.forEach((commit, distance) => {
    for (const entry of byCommit.get(commit) ?? []) {
      ranked.push({ entry, method: distance === 0 ? 'merge-base' : 'ancestor', distance });
      used.add(entry);
    }
  });
  for (const entry of entries) if (!used.has(entry)) ranked.push({ entry, method: 'latest-on-branch', distance: null });
  return ranked;
}
