/**
 * Every `@example` line of src/stats that ends in `// => value` is run, and its result compared
 * with the value to the last digit shown, so the documentation cannot drift from the code. A
 * trailing parenthetical remark after the value, like `(= erf(0.5))`, is prose and is ignored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as stats from '../../src/stats/index.ts';

const directory = path.join(import.meta.dirname, '..', '..', 'src', 'stats');

interface Example {
  file: string;
  setup: string[];
  code: string;
  expected: string;
}

function collectExamples(): Example[] {
  const examples: Example[] = [];
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.ts'))) {
    const lines = readFileSync(path.join(directory, file), 'utf8').split('\n');
    let inExample = false;
    let setup: string[] = [];
    for (const line of lines) {
      const text = line.replace(/^\s*\*\s?/, '');
      if (text.startsWith('@example')) {
        inExample = true;
        setup = [];
        continue;
      }
      if (!inExample) continue;
      if (text.startsWith('@') || line.includes('*/')) {
        inExample = false;
        continue;
      }
      const match = /^(.*?);?\s*\/\/ => (.*?)(?:\s+\((?:=|R's|the|\d).*\))?$/.exec(text);
      if (match) examples.push({ file, setup: [...setup], code: match[1]!, expected: match[2]! });
      else if (text.trim()) setup.push(text);
    }
  }
  return examples;
}

/** Half a unit in the last significant digit the literal shows, at least a few units of double rounding. */
function tolerance(value: number): number {
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  const digits = mantissa.replace('-', '').replace('.', '').length;
  return Math.max(0.5 * 10 ** (Number(exponent) - digits + 1), Math.abs(value) * 4e-15);
}

function expectApproximately(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance(expected));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((value, i) => expectApproximately((actual as unknown[])[i], value));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectApproximately((actual as Record<string, unknown>)[key], value);
  } else {
    expect(actual).toEqual(expected);
  }
}

const examples = collectExamples();
const names = Object.keys(stats);
const values = Object.values(stats);

describe('documentation examples', () => {
  test('every stats file with an export has at least one checked example', () => {
    const files = readdirSync(directory).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
    expect(files.filter((file) => !examples.some((example) => example.file === file))).toEqual([]);
  });

  test.each(examples)('$file: $code', ({ setup, code, expected }) => {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating our own doc comments
    const run = new Function(...names, `${setup.join('\n')}\nreturn (${code});`) as (...args: unknown[]) => unknown;
    const want = new Function(`return (${expected});`)() as unknown;
    expectApproximately(run(...values), want);
  });
});
