import { execFileSync } from 'node:child_process';
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

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/**
 * origin with main holding the clock suite (tree value 1); a clone on branch `change` that sets
 * the value to 2 and adds the extra suite. The clone's node_modules (untracked) links to the
 * project's, and both commits carry the same package-lock.json.
 */
export function makeRepository() {
  const dir = scratchDir('benchgate-measure-');
  const origin = path.join(dir, 'origin.git');
  const workspace = path.join(dir, 'workspace');
  git(dir, 'init', '-q', '--bare', '--initial-branch=main', origin);
  git(dir, 'clone', '-q', origin, workspace);
  mkdirSync(path.join(workspace, 'benchmarks'));
  cpSync(path.join(fixtures, 'clock.bench.ts'), path.join(workspace, 'benchmarks', 'clock.bench.ts'));
  writeFileSync(path.join(workspace, 'benchmarks', 'side.json'), '{"value":1}');
  writeFileSync(path.join(workspace, 'package.json'), '{"name":"demo","version":"1.0.0"}');
  writeFileSync(path.join(workspace, 'package-lock.json'), '{"name":"demo","lockfileVersion":3,"packages":{}}');
  writeFileSync(path.join(workspace, '.gitignore'), 'node_modules\n');
  git(workspace, 'add', '.');
  git(workspace, 'commit', '-q', '-m', 'base');
  git(workspace, 'push', '-q', 'origin', 'main');
  const base = git(workspace, 'rev-parse', 'HEAD');
  git(workspace, 'checkout', '-q', '-b', 'change');
  writeFileSync(path.join(workspace, 'benchmarks', 'side.json'), '{"value":2}');
  cpSync(path.join(fixtures, 'extra.bench.ts'), path.join(workspace, 'benchmarks', 'extra.bench.ts'));
  git(workspace, 'add', '.');
  git(workspace, 'commit', '-q', '-m', 'change');
  const head = git(workspace, 'rev-parse', 'HEAD');
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(workspace, 'node_modules'));
  return { dir, workspace, base, head };
}
