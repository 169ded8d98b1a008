import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(import.meta.dirname, 'fixtures', 'paired');
export const environment = { cpuModel: 'test', cores: 2, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null };

/**
 * Makes a tree folder with `benchmarks/<suite>.bench.ts` copied from the paired fixtures, a
 * side.json holding `value`, and node_modules linked to the project's (for tinybench).
 */
export function makeTree(parent: string, name: string, suites: string[], value: number): string {
  const tree = path.join(parent, name);
  mkdirSync(path.join(tree, 'benchmarks'), { recursive: true });
  for (const suite of suites) cpSync(path.join(fixtures, `${suite}.bench.ts`), path.join(tree, 'benchmarks', `${suite}.bench.ts`));
  writeFileSync(path.join(tree, 'benchmarks', 'side.json'), JSON.stringify({ value }));
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(tree, 'node_modules'));
  return tree;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
