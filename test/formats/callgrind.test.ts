import { describe, expect, test } from 'vitest';
import { parseCallgrind } from '../../src/formats/callgrind.ts';
import { compareResults } from '../../src/compare/index.ts';
import type { FormatInput } from '../../src/formats/format-input.ts';
import { detectTool, parseToolOutput } from '../../src/formats/index.ts';
import { fixture, fixtureText, metric, formatError } from './helpers.ts';

const file = (path: string, text: string): FormatInput => ({ kind: 'file', path, text });

/** The `summary:` counts of the part whose trigger is this client request, by event name. */
function summaryOf(text: string, name: string): Record<string, number> {
  const lines = text.split('\n');
  const at = lines.indexOf(`desc: Trigger: Client Request: ${name}`);
  const events = lines
    .slice(at)
    .find((l) => l.startsWith('events:'))!
    .slice(8)
    .trim()
    .split(' ');
  const costs = lines
    .slice(at)
    .find((l) => l.startsWith('summary:'))!
    .slice(9)
    .trim()
    .split(' ')
    .map(Number);
  return Object.fromEntries(events.map((e, i) => [e, costs[i] ?? 0]));
}

describe('callgrind', () => {
  test.each(['callgrind/base', 'callgrind/base/run-1.out'])('auto-detection reads %s as callgrind', async (relative) => {
    expect((await parseToolOutput(fixture(relative), 'auto')).tool).toBe('callgrind');
  });

  test('each named dump is a benchmark; the termination part is left out; counts and derived metrics follow iai-callgrind', () => {
    const text = fixtureText('callgrind/base/run-1.out');
    const results = parseCallgrind(file('run-1.out', text));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['fib 500', 'fib 1000', 'split <em>words</em>']);
    const e = summaryOf(text, 'split <em>words</em>');
    const l1 = e.Ir! + e.Dr! + e.Dw! - e.I1mr! - e.D1mr! - e.D1mw!;
    const ram = e.ILmr! + e.DLmr! + e.DLmw!;
    const ll = e.I1mr! + e.D1mr! + e.D1mw! - ram;
    const id = 'split <em>words</em>';
    expect(metric(results, id, 'instructions')).toMatchObject({ runs: [e.Ir], gate: true, direction: 'smaller', observation: 'single' });
    expect(metric(results, id, 'l1-hits').runs).toEqual([l1]);
    expect(metric(results, id, 'll-hits').runs).toEqual([ll]);
    expect(metric(results, id, 'ram-hits').runs).toEqual([ram]);
    expect(metric(results, id, 'total-read-write').runs).toEqual([e.Ir! + e.Dr! + e.Dw!]);
    expect(metric(results, id, 'estimated-cycles')).toMatchObject({ runs: [l1 + 5 * ll + 35 * ram], gate: false });
    // trailing zero costs are left out by callgrind: 'summary: 5534 5 12 4 0 0 4' has no DLmr, DLmw
    expect(metric(results, 'fib 500', 'ram-hits').runs).toEqual([summaryOf(text, 'fib 500').ILmr]);
  });

  test('six runs per side: the unchanged instruction count is decided exactly, the doubled one regresses exactly', async () => {
    const base = await parseToolOutput(fixture('callgrind/base'), 'auto');
    const slow = await parseToolOutput(fixture('callgrind/slow'), 'auto');
    const byKey = Object.fromEntries(
      compareResults(base, slow, {})
        .filter((c) => c.gate)
        .map((c) => [c.id, c]),
    );
    expect(Object.keys(byKey).sort()).toEqual(['fib 1000', 'fib 500', 'split <em>words</em>']);
    expect(byKey['split <em>words</em>']).toMatchObject({ metric: 'instructions', verdict: 'unchanged' });
    expect(byKey['fib 500']).toMatchObject({ metric: 'instructions', verdict: 'regressed' });
    expect(JSON.stringify(byKey['fib 500'])).toContain('exact');
  });

  test('a whole-program run without named dumps is one benchmark named by its command; other events are kept', () => {
    const text = [
      '# callgrind format',
      'version: 1',
      'creator: callgrind-3.19.0',
      'cmd:  /usr/bin/sort -n data.txt',
      'part: 1',
      'desc: Trigger: Program termination',
      'positions: line',
      'events: Ir Bc Bcm',
      'summary: 1000 200 7',
      'totals: 1000 200 7',
    ].join('\n');
    const results = parseCallgrind(file('whole.out', text));
    expect(results.benchmarks.map((b) => b.id)).toEqual(['sort -n data.txt']);
    expect(metric(results, 'sort -n data.txt', 'instructions').runs).toEqual([1000]);
    expect(metric(results, 'sort -n data.txt', 'Bcm')).toMatchObject({ runs: [7], gate: false, unit: 'events' });
  });

  test('parts of one dump from several threads are summed', () => {
    const part = (thread: number, ir: number) =>
      [`part: ${thread}`, `thread: ${thread}`, 'desc: Trigger: Client Request: work', 'events: Ir', `summary: ${ir}`].join('\n');
    const text = ['# callgrind format', 'creator: callgrind-3.19.0', 'cmd: ./app', part(1, 100), part(2, 50)].join('\n');
    expect(metric(parseCallgrind(file('threads.out', text)), 'work', 'instructions').runs).toEqual([150]);
  });

  test.each([
    ['events: Ir\nsummary: 12x', /not a whole number/, 'line 4'],
    ['events: Ir\nsummary: 1 2', /2 costs for 1 events/, 'line 4'],
    ['events: Ir Ir\nsummary: 1', /names an event twice/, 'line 3'],
    ['positions: line', /no 'events:' line/, undefined],
  ])('bad input is a FormatError naming the line: %j', (body, message, location) => {
    const error = formatError(() => parseCallgrind(file('bad.out', `# callgrind format\ncmd: ./x\n${body}\n`)));
    expect(error.message).toMatch(message);
    expect(error.location).toBe(location);
  });

  test('other text is not callgrind', () => {
    expect(detectTool(file('x.txt', 'events: Ir\nsummary: 1\n'))).toBeNull();
    expect(formatError(() => parseCallgrind(file('x.txt', 'events: Ir\nsummary: 1\n'))).message).toMatch(/not a callgrind output file/);
  });
});
