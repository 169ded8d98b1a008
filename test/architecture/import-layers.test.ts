/**
 * Folders import downward only: this walks every import under src/ (type-only imports and
 * re-exports included), builds the graph between folders, and fails on any cycle, naming the
 * files that make it. It also keeps the pure folders pure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

function listSources(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

/** `src/compare/x.ts` → `compare`; a file directly in src/ (the adapters and the pipeline) → `(top)`. */
function folderOf(file: string): string {
  const relative = path.relative(src, file).split(path.sep);
  return relative.length === 1 ? '(top)' : relative[0]!;
}

interface Edge {
  from: string;
  to: string;
  /** One file-level import that makes the edge, for the message. */
  example: string;
}

function folderEdges(): Map<string, Map<string, Edge>> {
  const edges = new Map<string, Map<string, Edge>>();
  for (const file of listSources()) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), specifier);
      if (!target.startsWith(src)) continue;
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      const out = edges.get(from) ?? new Map<string, Edge>();
      if (!out.has(to)) out.set(to, { from, to, example: `${path.relative(src, file)} imports ${specifier}` });
      edges.set(from, out);
    }
  }
  return edges;
}

/** The cycles between folders: one per strongly connected component of two or more folders (Tarjan). */
function findCycles(edges: Map<string, Map<string, Edge>>): string[][] {
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((out) => [...out.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return components;
}

describe('folders import downward only', () => {
  test('no cycle between folders of src/', () => {
    const edges = folderEdges();
    const described = findCycles(edges).map((cycle) =>
      cycle.flatMap((from) => cycle.filter((to) => edges.get(from)?.has(to)).map((to) => edges.get(from)!.get(to)!.example)).join('; '),
    );
    expect(described).toEqual([]);
  });

  test('nothing in a folder imports the top-level adapters or the pipeline', () => {
    const upward = [...folderEdges().values()].flatMap((out) => [...out.values()]).filter((edge) => edge.to === '(top)');
    expect(upward.map((edge) => edge.example)).toEqual([]);
  });

  test.each([
    ['formats may use results, never the reverse', 'results', 'formats'],
    ['compare never imports config', 'compare', 'config'],
    ['stats imports no other folder', 'stats', '*'],
  ])('%s', (_name, from, to) => {
    const out = folderEdges().get(from) ?? new Map<string, Edge>();
    const bad = [...out.values()].filter((edge) => to === '*' || edge.to === to);
    expect(bad.map((edge) => edge.example)).toEqual([]);
  });

  test('the cycle finder finds a cycle (so the tests above can fail)', () => {
    const edge = (from: string, to: string): [string, Edge] => [to, { from, to, example: `${from}→${to}` }];
    const edges = new Map([
      ['a', new Map([edge('a', 'b')])],
      ['b', new Map([edge('b', 'c')])],
      ['c', new Map([edge('c', 'a'), edge('c', 'd')])],
    ]);
    expect(findCycles(edges)).toEqual([['a', 'b', 'c']]);
  });
});

describe('pure folders stay pure', () => {
  const PURE = ['stats', 'compare', 'report', 'history'];
  const FORBIDDEN = [/^@actions\//, /^node:fs/, /^node:child_process$/, /^fs$/, /^child_process$/];

  test.each(PURE)('src/%s imports no @actions/*, node:fs or node:child_process and reads no process.env', (folder) => {
    const offenders: string[] = [];
    for (const file of listSources().filter((f) => folderOf(f) === folder)) {
      const text = readFileSync(file, 'utf8');
      for (const specifier of importsOf(text))
        if (FORBIDDEN.some((pattern) => pattern.test(specifier))) offenders.push(`${path.relative(src, file)} imports ${specifier}`);
      if (/\bprocess\.env\b/.test(text.replace(/^\s*(\*|\/\/).*$/gm, ''))) offenders.push(`${path.relative(src, file)} reads process.env`);
    }
    expect(offenders).toEqual([]);
  });
});
