import type { Benchmark, Metric, Results } from '../results/schema.ts';
import { buildResults, groupBy, makeMetric, repeatedObservation } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { textRuns } from './text-runs.ts';

/** Whether text is a callgrind output file (`# callgrind format`, or its `creator: callgrind` header). */
export function detectCallgrind(input: FormatInput): boolean {
  const test = (text: string) => /^(# callgrind format|creator: callgrind-)/m.test(text) && /^events:/m.test(text);
  return input.kind === 'file' ? test(input.text) : input.files.some((file) => test(file.text));
}

/** One part of a callgrind file: the counts of one dump. */
interface Part {
  id: string;
  /** Whether the dump was made at program termination (not by a client request or option). */
  termination: boolean;
  events: string[];
  costs: number[];
  file: string;
  line: number;
}

const CACHE_EVENTS = ['Ir', 'Dr', 'Dw', 'I1mr', 'D1mr', 'D1mw', 'ILmr', 'DLmr', 'DLmw'] as const;

function parseCosts(text: string, count: number, file: string, where: string): number[] {
  const fields = text.trim() === '' ? [] : text.trim().split(/\s+/);
  if (fields.length > count) throw new FormatError(file, `${fields.length} costs for ${count} events`, where);
  // callgrind leaves out trailing zero costs
  return Array.from({ length: count }, (_, index) => {
    const field = fields[index];
    if (field === undefined) return 0;
    if (!/^\d+$/.test(field)) throw new FormatError(file, `cost ${JSON.stringify(field.slice(0, 30))} is not a whole number`, where);
    const value = Number(field);
    if (!Number.isSafeInteger(value)) throw new FormatError(file, `cost ${field.slice(0, 30)} is out of range`, where);
    return value;
  });
}

function programName(cmd: string | null): string {
  if (!cmd) return 'program';
  const [program = 'program', ...args] = cmd.trim().split(/\s+/);
  return [program.split('/').at(-1) || program, ...args].join(' ');
}

function parseFile(file: string, text: string): Part[] {
  const parts: Part[] = [];
  let cmd: string | null = null;
  let events: string[] | null = null;
  let trigger: string | null = null;
  let summary: { costs: string; line: number } | null = null;
  let totals: { costs: string; line: number } | null = null;
  let sawHeader = false;
  const finish = () => {
    const found = summary ?? totals;
    if (events === null || found === null) return;
    const where = `line ${found.line}`;
    const termination = trigger === null || /^Program termination/.test(trigger);
    const request = trigger ? /^Client Request: (.+)$/.exec(trigger) : null;
    const id = request ? request[1]!.trim() : termination ? programName(cmd) : trigger!;
    parts.push({ id, termination, events, costs: parseCosts(found.costs, events.length, file, where), file, line: found.line });
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.startsWith('# callgrind format') || raw.startsWith('creator: callgrind')) sawHeader = true;
    const colon = /^(cmd|part|desc|events|summary|totals): ?(.*)$/.exec(raw);
    if (!colon) return;
    const [, key, value] = colon;
    if (key === 'part') {
      finish();
      trigger = null;
      summary = null;
      totals = null;
    } else if (key === 'cmd') cmd = value!;
    else if (key === 'desc') {
      const match = /^Trigger:\s*(.+)$/.exec(value!);
      if (match) trigger = match[1]!.trim();
    } else if (key === 'events') {
      const names = value!.trim().split(/\s+/).filter(Boolean);
      if (names.length === 0) throw new FormatError(file, 'events: names no events', `line ${line}`);
      if (new Set(names).size !== names.length) throw new FormatError(file, 'events: names an event twice', `line ${line}`);
      events = names;
    } else if (key === 'summary') summary = { costs: value!, line };
    else totals = { costs: value!, line };
  });
  finish();
  if (!sawHeader) throw new FormatError(file, "not a callgrind output file (no '# callgrind format' or 'creator: callgrind' header)");
  if (parts.length === 0) throw new FormatError(file, "no 'events:' line with a 'summary:' or 'totals:' line after it");
  // a benchmark dumped by a client request or option is the part of interest: the program's
  // start-up and the rest after the last dump (the termination part) are not benchmarks
  const named = parts.filter((part) => !part.termination);
  return named.length > 0 ? named : parts;
}

/** Sums the parts of one file that share an id (one part per thread with `--separate-threads=yes`). */
function sumParts(parts: Part[]): Part[] {
  return [...groupBy(parts, (part) => part.id).values()].map((group) => {
    const first = group[0]!;
    const odd = group.find((part) => part.events.join(' ') !== first.events.join(' '));
    if (odd)
      throw new FormatError(
        odd.file,
        `'${first.id}' is dumped with events '${odd.events.join(' ')}' here but '${first.events.join(' ')}' at line ${first.line}`,
        `line ${odd.line}`,
      );
    return { ...first, costs: first.costs.map((_, index) => group.reduce((sum, part) => sum + part.costs[index]!, 0)) };
  });
}

/** The metrics of one benchmark, by name, from its event counts. */
function metricValues(events: string[], costs: number[]): { name: string; unit: string; value: number; gate: boolean }[] {
  const count = new Map(events.map((event, index) => [event, costs[index]!]));
  const out: { name: string; unit: string; value: number; gate: boolean }[] = [];
  const used = new Set<string>();
  if (count.has('Ir')) {
    out.push({ name: 'instructions', unit: 'instructions', value: count.get('Ir')!, gate: true });
    used.add('Ir');
  }
  if (CACHE_EVENTS.every((event) => count.has(event))) {
    const c = (event: (typeof CACHE_EVENTS)[number]) => count.get(event)!;
    const accesses = c('Ir') + c('Dr') + c('Dw');
    const l1Misses = c('I1mr') + c('D1mr') + c('D1mw');
    const ram = c('ILmr') + c('DLmr') + c('DLmw');
    const l1Hits = accesses - l1Misses;
    const llHits = l1Misses - ram;
    out.push(
      { name: 'l1-hits', unit: 'accesses', value: l1Hits, gate: false },
      { name: 'll-hits', unit: 'accesses', value: llHits, gate: false },
      { name: 'ram-hits', unit: 'accesses', value: ram, gate: false },
      { name: 'total-read-write', unit: 'accesses', value: accesses, gate: false },
      { name: 'estimated-cycles', unit: 'cycles', value: l1Hits + 5 * llHits + 35 * ram, gate: false },
    );
    for (const event of CACHE_EVENTS) used.add(event);
  }
  for (const [event, value] of count) if (!used.has(event)) out.push({ name: event, unit: 'events', value, gate: false });
  return out;
}

/**
 * Parses callgrind output files (`valgrind --tool=callgrind`, the counts that iai-callgrind and
 * gungraun summarise). Each dump (`part:`) is one benchmark: named by its client request
 * (`CALLGRIND_DUMP_STATS_AT("name")`), by the trigger of another dump, or, when the whole program
 * is the one part, by the command. When a file holds named dumps, the part dumped at program
 * termination (start-up and shutdown) is left out. A part's `summary:` (else `totals:`) gives
 * deterministic counts, smaller is better: `instructions` (Ir, gated), and with `--cache-sim=yes`
 * iai-callgrind's derived metrics, not gated: `l1-hits`, `ll-hits`, `ram-hits`,
 * `total-read-write` and `estimated-cycles` (L1 hits + 5 · LL hits + 35 · RAM hits). Any other
 * event (branch simulation, `Ge`, …) is kept under its own name, not gated. One file is one run
 * (`single`); several runs (one file each, in a folder) give one `process` value per file, and an
 * unchanged count is then decided exactly.
 * @param input a file, or a folder of files
 * @throws FormatError naming the file and line at fault
 */
export function parseCallgrind(input: FormatInput): Results {
  const parts = textRuns(input).flatMap((run) => sumParts(parseFile(run.file, run.text)));
  const benchmarks: Benchmark[] = [];
  for (const [id, group] of groupBy(parts, (part) => part.id)) {
    const first = group[0]!;
    const observation = repeatedObservation(group.length);
    const perRun = group.map((part) => metricValues(part.events, part.costs));
    const metrics: Metric[] = perRun[0]!.map((metric) => {
      const values = perRun.map((run, index) => {
        const found = run.find((m) => m.name === metric.name);
        if (!found) throw new FormatError(group[index]!.file, `'${id}' has no '${metric.name}' here but has it in ${first.file}`, `line ${group[index]!.line}`);
        return found.value;
      });
      return makeMetric(metric.name, metric.unit, values, { direction: 'smaller', gate: metric.gate, observation }, first.file, `line ${first.line}`);
    });
    benchmarks.push({ id, state: 'completed', metrics });
  }
  return buildResults('callgrind', input, benchmarks);
}
