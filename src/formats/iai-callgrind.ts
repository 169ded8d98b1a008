import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { stripByteOrderMark } from '../results/decode-text.ts';
import { buildResults, groupBy, makeMetric, repeatedObservation } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { arrayField, asArray, asObject, childPath, objectField, optionalStringField, parseJsonText, stringField, type JsonObject } from './json.ts';
import { textRuns } from './text-runs.ts';

/**
 * iai-callgrind's callgrind events (its `EventKind`, by their names in `summary.json`) that are
 * counts: deterministic, smaller is better. Rates (`L1HitRate`, `I1MissRate`, …) are ratios of
 * these and are not read; `SysTime` and `SysCpuTime` are times, not counts, and are not read.
 */
const COUNT_EVENTS = new Set([
  'Ir',
  'Dr',
  'Dw',
  'I1mr',
  'D1mr',
  'D1mw',
  'ILmr',
  'DLmr',
  'DLmw',
  'L1hits',
  'LLhits',
  'RamHits',
  'TotalRW',
  'EstimatedCycles',
  'SysCount',
  'Ge',
  'Bc',
  'Bcm',
  'Bi',
  'Bim',
  'ILdmr',
  'DLdmr',
  'DLdmw',
  'AcCost1',
  'AcCost2',
  'SpLoss1',
  'SpLoss2',
]);

/** The names iai-callgrind prints for events whose printed name is not the event's own. */
const PRINTED_NAMES: Record<string, string> = {
  Instructions: 'Ir',
  'L1 Hits': 'L1hits',
  'LL Hits': 'LLhits',
  'RAM Hits': 'RamHits',
  'Total read+write': 'TotalRW',
  'Estimated Cycles': 'EstimatedCycles',
};

/** iai-callgrind's derived cache metrics, as benchgate names them (the names of the callgrind adapter). */
const DERIVED: [event: string, name: string, unit: string][] = [
  ['L1hits', 'l1-hits', 'accesses'],
  ['LLhits', 'll-hits', 'accesses'],
  ['RamHits', 'ram-hits', 'accesses'],
  ['TotalRW', 'total-read-write', 'accesses'],
  ['EstimatedCycles', 'estimated-cycles', 'cycles'],
];

/** The raw cache-simulation events the derived metrics are made of. */
const RAW_CACHE_EVENTS = new Set(['Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw']);

const ANSI = /\x1b\[[0-9;]*m/g;
const SUMMARY_NAME = /(^|\/)summary\.json$/;
/** A benchmark's title line: `module::path[ id[:details]]`, as iai-callgrind prints it unindented. */
const TITLE = /^([A-Za-z_]\w*(?:::\w+)+)(?: (\w+)(?::(.*))?)?$/;
/** The indentation iai-callgrind puts before every line of a benchmark: two spaces, or the grid's `| `, `|-`, `|=`. */
const INDENT = /^(?: {2}|\|[ =-])/;
const METRIC_LINE = /^([A-Za-z][A-Za-z0-9 +]*):\s+([^\s|]+)/;

function looksLikeSummary(text: string): boolean {
  return /"module_path"\s*:/.test(text) && /"profiles"\s*:/.test(text) && /"(?:Library|Binary)Benchmark"/.test(text);
}

function looksLikeTerminal(text: string): boolean {
  const plain = text.replace(ANSI, '');
  return /^Iai-Callgrind result: /m.test(plain) || /^[A-Za-z_]\w*(?:::\w+)+.*\r?\n(?: {2}|\| )Instructions: +(?:\d+|N\/A) *\|/m.test(plain);
}

/**
 * Whether the input is iai-callgrind output: a `summary.json` (`--save-summary=json`), the
 * summaries it prints with `--output-format=json`, its terminal table, or a folder holding any of
 * them (such as `target/iai`, whose callgrind files are then not read).
 */
export function detectIaiCallgrind(input: FormatInput): boolean {
  if (input.kind === 'file') return (/^\s*\{/.test(input.text) && looksLikeSummary(input.text)) || looksLikeTerminal(input.text);
  return input.files.some((file) => (SUMMARY_NAME.test(file.path) && looksLikeSummary(file.text)) || looksLikeTerminal(file.text));
}

/** One benchmark's counts from one run, by event name. */
interface Counts {
  id: string;
  events: Map<string, number>;
  file: string;
  location: string;
}

/** Refuses a count that is negative, not whole or beyond what a double holds exactly. */
function checkCount(value: number, what: string, file: string, location: string): number {
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) throw new FormatError(file, `${what} ${value} is out of range`, location);
  if (value < 0) throw new FormatError(file, `${what} must be ≥ 0, got ${value}`, location);
  if (!Number.isInteger(value)) throw new FormatError(file, `${what} must be a whole number, got ${value}`, location);
  return value;
}

function countValue(value: unknown, file: string, path: string): number {
  if (typeof value !== 'number') throw new FormatError(file, `expected a whole count ≥ 0, got ${JSON.stringify(value)?.slice(0, 40) ?? 'nothing'}`, path);
  return checkCount(value, 'a count', file, path);
}

/**
 * The new value of one event's `metrics`: `Left` (new only) or the first of `Both` (new, old);
 * `null` for `Right` (old only: the event was not measured this time) and for non-integer
 * metrics (`Float`).
 */
function newValue(metrics: JsonObject, file: string, path: string): number | null {
  const keys = Object.keys(metrics);
  if (keys.length !== 1 || !['Left', 'Both', 'Right'].includes(keys[0]!)) {
    throw new FormatError(file, `expected one of 'Left', 'Both' or 'Right', got ${keys.length === 0 ? 'none' : keys.map((k) => `'${k}'`).join(', ')}`, path);
  }
  const side = keys[0]!;
  if (side === 'Right') return null;
  let at = childPath(path, side);
  let value = metrics[side];
  if (side === 'Both') {
    const pair = asArray(value, file, at);
    if (pair.length !== 2) throw new FormatError(file, `expected [new, old], got ${pair.length} values`, at);
    value = pair[0];
    at = childPath(at, 0);
  }
  const metric = asObject(value, file, at);
  if ('Int' in metric) return countValue(metric.Int, file, childPath(at, 'Int'));
  if ('Float' in metric) throw new FormatError(file, 'expected a whole count (Int), got a Float', at);
  throw new FormatError(file, "expected 'Int' or 'Float'", at);
}

/** One parsed `summary.json` object (schema version 6, iai-callgrind 0.16). */
function summaryCounts(root: unknown, file: string, base: string): Counts {
  const summary = asObject(root, file, base);
  const kind = stringField(summary, 'kind', file, base);
  if (kind !== 'LibraryBenchmark' && kind !== 'BinaryBenchmark') {
    throw new FormatError(file, `expected 'LibraryBenchmark' or 'BinaryBenchmark', got ${JSON.stringify(kind.slice(0, 40))}`, childPath(base, 'kind'));
  }
  const modulePath = stringField(summary, 'module_path', file, base);
  const benchId = optionalStringField(summary, 'id', file, base);
  const id = benchId ? `${modulePath} ${benchId}` : modulePath;
  const profiles = arrayField(summary, 'profiles', file, base);
  const tools = profiles.map((profile, index) =>
    stringField(asObject(profile, file, childPath(childPath(base, 'profiles'), index)), 'tool', file, childPath(childPath(base, 'profiles'), index)),
  );
  const index = tools.indexOf('Callgrind');
  if (index < 0) {
    throw new FormatError(
      file,
      `'${id}' has no Callgrind profile (${tools.length === 0 ? 'no profiles' : `only ${tools.join(', ')}`}); benchgate reads callgrind's counts`,
      childPath(base, 'profiles'),
    );
  }
  const at = childPath(childPath(base, 'profiles'), index);
  const total = objectField(objectField(asObject(profiles[index], file, at), 'summaries', file, at), 'total', file, childPath(at, 'summaries'));
  const summaryAt = childPath(childPath(childPath(at, 'summaries'), 'total'), 'summary');
  if (total.summary === 'None') throw new FormatError(file, `'${id}' has no callgrind counts (summary 'None')`, summaryAt);
  const callgrind = objectField(asObject(total.summary, file, summaryAt), 'Callgrind', file, summaryAt);
  const eventsAt = childPath(summaryAt, 'Callgrind');
  const events = new Map<string, number>();
  for (const [event, diff] of Object.entries(callgrind)) {
    if (!COUNT_EVENTS.has(event)) continue;
    const eventAt = childPath(eventsAt, event);
    const value = newValue(objectField(asObject(diff, file, eventAt), 'metrics', file, eventAt), file, childPath(eventAt, 'metrics'));
    if (value !== null) events.set(event, value);
  }
  if (events.size === 0) throw new FormatError(file, `'${id}' has no callgrind count`, eventsAt);
  return { id, events, file, location: eventsAt };
}

/** A `summary.json`, or `--output-format=json` output: one summary object per line. */
function parseSummaryText(file: string, given: string): Counts[] {
  const text = stripByteOrderMark(given);
  const lines = text.split(/\r?\n/);
  const objects = lines.filter((line) => line.trim() !== '');
  // --output-format=json prints each benchmark's summary as one line; a saved summary.json is one object (pretty or not)
  if (objects.length > 1 && objects.every((line) => line.trimStart().startsWith('{'))) {
    return lines.flatMap((line, index) => (line.trim() === '' ? [] : [summaryCounts(parseJsonText(line, file), file, `line ${index + 1}`)]));
  }
  return [summaryCounts(parseJsonText(text, file), file, '$')];
}

/** One benchmark of the terminal table, while it is read. */
interface TextBenchmark {
  id: string;
  line: number;
  /** The events of each tool section: '' before any `======= TOOL` headline, else the tool's name. */
  sections: Map<string, Map<string, number>>;
  tool: string;
  /** Whether the current section's lines are skipped: a part before `## Total`, or a comparison. */
  skipping: boolean;
  comparison: boolean;
}

/** The terminal table iai-callgrind prints (its default output format), colours or not, with or without `--show-grid`. */
function parseTerminal(file: string, text: string): Counts[] {
  const found: TextBenchmark[] = [];
  let current: TextBenchmark | null = null;
  const lines = text.replace(ANSI, '').split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = index + 1;
    if (/^Regressions:\s*$/.test(raw)) break;
    if (/^Iai-Callgrind result: /.test(raw)) {
      current = null;
      continue;
    }
    const title = TITLE.exec(raw.trimEnd());
    if (title) {
      current = { id: title[2] ? `${title[1]} ${title[2]}` : title[1]!, line, sections: new Map(), tool: '', skipping: false, comparison: false };
      found.push(current);
      continue;
    }
    if (!current || !INDENT.test(raw)) continue;
    const body = raw.slice(2).trim();
    const headline = /^=+ (\S+) =*$/.exec(body);
    if (headline) {
      current.tool = headline[1]!.toUpperCase();
      current.skipping = current.comparison;
      continue;
    }
    if (/^Comparison with /.test(body)) {
      // a `compare_by_id` comparison of this benchmark with another: not this benchmark's counts
      current.comparison = true;
      current.skipping = true;
      continue;
    }
    if (body.startsWith('## ')) {
      // several processes, threads or parts: only the total counts
      const isTotal = /^## Total\s*$/.test(body);
      current.skipping = current.comparison || !isTotal;
      if (isTotal) current.sections.set(current.tool, new Map());
      continue;
    }
    if (current.skipping || raw.slice(2).startsWith(' ')) continue;
    const metric = METRIC_LINE.exec(body);
    if (!metric) continue;
    const event = PRINTED_NAMES[metric[1]!] ?? metric[1]!;
    if (!COUNT_EVENTS.has(event)) continue;
    const value = metric[2]!;
    if (value === 'N/A') continue;
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value)) {
      throw new FormatError(file, `'${metric[1]}' of '${current.id}' is ${JSON.stringify(value.slice(0, 30))}, not a whole count`, `line ${line}`);
    }
    const count = checkCount(Number(value), `'${metric[1]}' of '${current.id}'`, file, `line ${line}`);
    const events = current.sections.get(current.tool) ?? new Map<string, number>();
    current.sections.set(current.tool, events);
    if (events.has(event)) throw new FormatError(file, `'${metric[1]}' of '${current.id}' is printed twice`, `line ${line}`);
    events.set(event, count);
  }
  return found.flatMap((bench) => {
    const events = ['CALLGRIND', '', 'CACHEGRIND'].map((tool) => bench.sections.get(tool)).find((section) => section !== undefined && section.size > 0);
    return events ? [{ id: bench.id, events, file, location: `line ${bench.line}` }] : [];
  });
}

/** A file's counts: a summary (or `--output-format=json` lines) when it starts with `{`, else the terminal table. */
function parseFile(file: string, text: string): Counts[] {
  if (/^\s*\{/.test(stripByteOrderMark(text))) return parseSummaryText(file, text);
  if (!looksLikeTerminal(text) && !/^\s*(?: {2}|\| )Instructions:/m.test(text.replace(ANSI, ''))) {
    throw new FormatError(file, "not iai-callgrind output (no summary JSON, no 'Iai-Callgrind result:' line, no benchmark table)");
  }
  const counts = parseTerminal(file, text);
  if (counts.length === 0) throw new FormatError(file, "no benchmark with callgrind counts (a 'module::path id' line with 'Instructions:' lines under it)");
  return counts;
}

/** Every run's counts: a folder's `summary.json` files when it has any (other files are ignored), else each file. */
function allCounts(input: FormatInput): Counts[] {
  if (input.kind === 'folder') {
    const summaries = input.files.filter((file) => SUMMARY_NAME.test(file.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (summaries.length > 0) return summaries.flatMap((file) => parseSummaryText(`${input.path}/${file.path}`, file.text));
    if (input.files.length > 0 && !input.files.some((file) => looksLikeTerminal(file.text))) {
      throw new FormatError(input.path, 'holds no summary.json and no iai-callgrind terminal output; run the benchmarks with --save-summary=json');
    }
  }
  return textRuns(input).flatMap((run) => parseFile(run.file, run.text));
}

/** The metrics of one benchmark's counts, by name: as the callgrind adapter names them. */
function metricValues(events: Map<string, number>): { name: string; unit: string; value: number; gate: boolean }[] {
  const out: { name: string; unit: string; value: number; gate: boolean }[] = [];
  const ir = events.get('Ir');
  if (ir !== undefined) out.push({ name: 'instructions', unit: 'instructions', value: ir, gate: true });
  const derived = DERIVED.filter(([event]) => events.has(event));
  for (const [event, name, unit] of derived) out.push({ name, unit, value: events.get(event)!, gate: false });
  for (const [event, value] of events) {
    if (event === 'Ir' || DERIVED.some(([e]) => e === event)) continue;
    // the raw cache events are what the derived metrics are made of; kept only without them
    if (derived.length > 0 && RAW_CACHE_EVENTS.has(event)) continue;
    out.push({ name: event, unit: 'events', value, gate: false });
  }
  return out;
}

/**
 * Parses iai-callgrind's output (0.16; gungraun is its successor). Read, best first:
 * - `summary.json` files (`cargo bench -- --save-summary=json`, or `IAI_CALLGRIND_SAVE_SUMMARY=json`):
 *   one file, or a folder such as `target/iai` holding them at any depth (its callgrind `.out`
 *   and `.log` files are then ignored);
 * - what `--output-format=json` prints: one summary per line;
 * - the terminal table (`cargo bench` with the default output format): one file, or a folder of
 *   them, each one run.
 * Each summary, or each `module::path id` title of the table, is one benchmark, named
 * `<module path> <id>` (`fib::fib_group::fib_n short`). Its callgrind counts (the total over
 * processes and threads; the new value of `Both` (new, old)) are deterministic, smaller is better:
 * `instructions` (Ir, gated), and iai-callgrind's cache metrics, not gated: `l1-hits`, `ll-hits`,
 * `ram-hits`, `total-read-write`, `estimated-cycles`; other count events (`Ge`, branch
 * simulation, `SysCount`, raw cache events without the derived ones) under their own names, not
 * gated. Rates and system times are not read; other tools' profiles (DHAT, Cachegrind, …) neither.
 * A benchmark seen once is `single`; in several summaries, lines or files, `process` runs, and an
 * unchanged count is then decided exactly.
 * @param input a file, or a folder
 * @throws FormatError naming the file and the JSON path or line at fault
 */
export function parseIaiCallgrind(input: FormatInput): Results {
  const counts = allCounts(input);
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(counts, (c) => c.id)) {
    const first = group[0]!;
    const perRun = group.map((run) => metricValues(run.events));
    const observation = repeatedObservation(group.length);
    const metrics: Metric[] = perRun[0]!.map((metric) => {
      const values = perRun.map((run, index) => {
        const found = run.find((m) => m.name === metric.name);
        if (!found) throw new FormatError(group[index]!.file, `'${id}' has no '${metric.name}' here but has it in ${first.file}`, group[index]!.location);
        return found.value;
      });
      return makeMetric(metric.name, metric.unit, values, { direction: 'smaller', gate: metric.gate, observation }, first.file, first.location);
    });
    benchmarks.push({ id, state: 'completed', metrics });
  }
  return buildResults('iai-callgrind', input, benchmarks);
}
