import { describe, expect, test } from 'vitest';
import { FormatError } from '../../src/formats/format-error.ts';
import type { FolderFile, FormatInput } from '../../src/formats/format-input.ts';
import { parseToolInput, type ToolName } from '../../src/formats/index.ts';
import { fixtureText } from './helpers.ts';
import { criterionFolder } from './seeds.ts';

/** Changes every measured value of a format's seed: `f(value, index)` over the values in file order. */
type Change = (value: number, index: number) => number;

interface Target {
  tool: ToolName;
  seed: string;
  /** Keys whose numbers (or arrays of numbers, at any depth) are the measured values. */
  keys?: string[];
  /** For text formats: a pattern whose first group is a measured value. */
  pattern?: RegExp;
  /** The values are event counts (iai-callgrind's): whole numbers, and zero is a real measurement, not an impossible value. */
  counts?: boolean;
}

const TARGETS: Target[] = [
  { tool: 'benchgate', seed: 'benchgate/base.json', keys: ['runs'] },
  { tool: 'hyperfine', seed: 'hyperfine/base.json', keys: ['times'] },
  { tool: 'pytest', seed: 'pytest/base.json', keys: ['data'] },
  { tool: 'pytest', seed: 'pytest/stats-only.json', keys: ['mean'] },
  { tool: 'googlecpp', seed: 'googlecpp/repetitions-base.json', keys: ['real_time'] },
  { tool: 'googlecpp', seed: 'googlecpp/aggregates-base.json', keys: ['real_time'] },
  { tool: 'benchmarkdotnet', seed: 'benchmarkdotnet/base.json', keys: ['Nanoseconds'] },
  { tool: 'benchmarkdotnet', seed: 'benchmarkdotnet/brief-base.json', keys: ['Mean'] },
  { tool: 'jmh', seed: 'jmh/base.json', keys: ['rawData'] },
  { tool: 'vitest', seed: 'vitest/base.json', keys: ['mean'] },
  { tool: 'customSmallerIsBetter', seed: 'custom/base-smaller.json', keys: ['value'] },
  { tool: 'customBiggerIsBetter', seed: 'custom/base-bigger.json', keys: ['value'] },
  { tool: 'catch2', seed: 'catch2/base.xml', pattern: /<mean value="([^"]+)"/g },
  { tool: 'cargo', seed: 'cargo/base/run-1.txt', pattern: /bench:\s+([\d,.]+) ns\/iter/g },
  { tool: 'go', seed: 'go/count-base.txt', pattern: /\s([\d.]+) ns\/op/g },
  {
    tool: 'iai-callgrind',
    seed: 'iai-callgrind/base/summary/run-2/iai-callgrind-fixture-bench/fib/fib_group/fib_n.short/summary.json',
    keys: ['Int'],
    counts: true,
  },
  { tool: 'iai-callgrind', seed: 'iai-callgrind/base/terminal/run-2.txt', pattern: /Instructions:\s+(\d+)/g, counts: true },
];

function changeJson(value: unknown, keys: readonly string[], change: Change, counter: { n: number }, inside = false): unknown {
  if (typeof value === 'number') return inside ? change(value, counter.n++) : value;
  if (Array.isArray(value)) return value.map((item) => changeJson(item, keys, change, counter, inside));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, changeJson(item, keys, change, counter, inside || keys.includes(key))]));
  }
  return value;
}

function changeText(text: string, pattern: RegExp, change: Change): string {
  let n = 0;
  return text.replace(pattern, (whole, value: string) => whole.replace(value, String(change(Number(value.replaceAll(',', '')), n++))));
}

function changed(target: Target, change: Change): FormatInput {
  const text = fixtureText(target.seed);
  const out = target.keys ? JSON.stringify(changeJson(JSON.parse(text), target.keys, change, { n: 0 })) : changeText(text, target.pattern!, change);
  expect(out).not.toBe(text);
  return { kind: 'file', path: target.seed, text: out };
}

function changedCriterion(change: Change): FormatInput {
  const counter = { n: 0 };
  const files: FolderFile[] = criterionFolder().map((file) =>
    file.path.endsWith('sample.json') ? { ...file, text: JSON.stringify(changeJson(JSON.parse(file.text), ['times'], change, counter)) } : file,
  );
  return { kind: 'folder', path: 'target/criterion', files };
}

const CHANGES: [string, Change, RegExp][] = [
  ['every value negative', (v) => -v, /must be > 0|must be ≥ 0|≥ 0|positive/],
  ['every value zero', () => 0, /must be > 0|positive/],
  ['alternating signs', (v, i) => (i % 2 ? v : -v), /must be > 0|must be ≥ 0|≥ 0|positive/],
  ['every value 1e40', () => 1e40, /out of range/],
  ['every value 1.7e308', () => 1.7e308, /out of range|finite/],
  ['every value 5e-324', () => 5e-324, /out of range|must be > 0|positive|must be a whole number/],
];

function refusal(input: FormatInput, tool: ToolName): FormatError {
  try {
    const results = parseToolInput(input, tool);
    throw new Error(`accepted: ${JSON.stringify(results.benchmarks[0]?.metrics[0]?.runs.slice(0, 4))}`);
  } catch (error: unknown) {
    if (!(error instanceof FormatError)) throw error;
    return error;
  }
}

describe('impossible values are refused by every format, naming the file and the field', () => {
  const cases = [...TARGETS.map((target) => [target.tool, target.seed, target] as const), ['criterion', 'criterion/base', null] as const];
  for (const [name, change, expected] of CHANGES) {
    test.each(cases)(`${name}: %s (%s)`, (tool, _seed, target) => {
      const input = target ? changed(target, change) : changedCriterion(change);
      if (target?.counts && name === 'every value zero') {
        // an event that did not happen (no LL hit, no instruction between two toggles) counts 0
        const results = parseToolInput(input, tool as ToolName);
        expect(results.benchmarks.flatMap((b) => b.metrics.filter((m) => m.name === 'instructions').flatMap((m) => m.runs))).toContain(0);
        return;
      }
      const error = refusal(input, tool as ToolName);
      expect(error.message.startsWith(input.path)).toBe(true);
      expect(error.message).toMatch(expected);
      expect(error.location).toBeTruthy();
    });
  }

  test('the unchanged seeds parse', () => {
    for (const target of TARGETS)
      expect(
        parseToolInput(
          changed(target, (v) => (target.counts ? v * 2 : v * 1.5)),
          target.tool,
        ).benchmarks.length,
      ).toBeGreaterThan(0);
    expect(
      parseToolInput(
        changedCriterion((v) => v * 1.5),
        'criterion',
      ).benchmarks.length,
    ).toBeGreaterThan(0);
  });
});
