import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseToolInput, parseToolOutput, type ToolName } from '../../src/formats/index.ts';
import { fixture, fixtureText } from './helpers.ts';

const SEEDS: [ToolName, string][] = [
  ['benchgate', 'benchgate/base.json'],
  ['cargo', 'cargo/base/run-1.txt'],
  ['googlecpp', 'googlecpp/repetitions-base.json'],
  ['go', 'go/count-base.txt'],
  ['pytest', 'pytest/base.json'],
  ['hyperfine', 'hyperfine/base.json'],
  ['benchmarkdotnet', 'benchmarkdotnet/base.json'],
  ['jmh', 'jmh/base.json'],
  ['catch2', 'catch2/base.xml'],
  ['vitest', 'vitest/base.json'],
  ['customSmallerIsBetter', 'custom/base-smaller.json'],
  ['customBiggerIsBetter', 'custom/base-bigger.json'],
];

const meta = { createdAt: '2026-12-01T00:00:00.000Z' };

function encodings(text: string): [string, Buffer][] {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  return [
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with a byte order mark', le],
    ['UTF-16BE with a byte order mark', be],
  ];
}

describe('every format reads a byte order mark and UTF-16 like plain UTF-8', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'encoding-'));
  test.each(SEEDS)('%s', async (tool, seed) => {
    const text = fixtureText(seed);
    const plain = path.join(folder, `${tool}-plain`);
    writeFileSync(plain, text);
    const expected = await parseToolOutput(plain, tool, meta);
    for (const [name, bytes] of encodings(text)) {
      const file = path.join(folder, `${tool}-${name.replaceAll(' ', '-')}`);
      writeFileSync(file, bytes);
      expect({ name, results: await parseToolOutput(file, tool, meta) }).toEqual({ name, results: expected });
      if (tool !== 'customSmallerIsBetter' && tool !== 'customBiggerIsBetter') {
        expect({ name, results: await parseToolOutput(file, 'auto', meta) }).toEqual({ name, results: expected });
      }
    }
    // Text already in memory with a byte order mark: detection and parsing both skip it.
    const input = { kind: 'file' as const, path: seed, text: `\uFEFF${text}`, meta };
    expect(parseToolInput(input, tool)).toEqual(parseToolInput({ ...input, text }, tool));
  });

  test('cargo keeps the first line after a byte order mark', () => {
    const text = '\uFEFFtest first ... bench:         118 ns/iter (+/- 8)\ntest second ... bench:         250 ns/iter (+/- 16)\n';
    const results = parseToolInput({ kind: 'file', path: 'bench.txt', text }, 'cargo');
    expect(results.benchmarks.map((b) => b.id)).toEqual(['first', 'second']);
  });
});

describe('criterion folders at any depth', () => {
  test('a benchmark 12 folders deep is read, not skipped', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'criterion-deep-'));
    const deep = path.join(root, ...Array.from({ length: 12 }, (_, i) => `level${i}`));
    mkdirSync(deep, { recursive: true });
    cpSync(fixture('criterion/base/sum_1k'), path.join(deep, 'sum_1k'), { recursive: true });
    cpSync(fixture('criterion/base/fib'), path.join(root, 'fib'), { recursive: true });
    const results = await parseToolOutput(root, 'criterion', meta);
    const shallow = await parseToolOutput(fixture('criterion/base'), 'criterion', meta);
    expect(results.benchmarks.map((b) => b.id).sort()).toEqual(shallow.benchmarks.map((b) => b.id).sort());
  });

  test('a link loop ends and linked folders are read once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'criterion-loop-'));
    cpSync(fixture('criterion/base'), path.join(root, 'real'), { recursive: true });
    symlinkSync(path.join(root, 'real'), path.join(root, 'real', 'again'));
    const results = await parseToolOutput(root, 'criterion', meta);
    const shallow = await parseToolOutput(fixture('criterion/base'), 'criterion', meta);
    expect(results.benchmarks.map((b) => b.id).sort()).toEqual(shallow.benchmarks.map((b) => b.id).sort());
  });
});
