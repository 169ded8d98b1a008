import { lstatSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BaseUnusableError } from '../../src/runner/base-unusable-error.ts';
import { RunnerError } from '../../src/runner/runner-error.ts';
import { describeSetup, findLockfile, setupTrees, type SetupOptions } from '../../src/runner/setup-trees.ts';
import { scratchDir } from './paired-helpers.ts';

const LOCK = (name: string) => JSON.stringify({ name, version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name, version: '1.0.0' } } });

function makeTrees(headLock: string | null, baseLock: string | null, headModules = true) {
  const dir = scratchDir('benchgate-setup-');
  const head = path.join(dir, 'head');
  const base = path.join(dir, 'base');
  for (const [tree, lock] of [
    [head, headLock],
    [base, baseLock],
  ] as const) {
    mkdirSync(tree, { recursive: true });
    const name = lock === null ? 'demo' : (JSON.parse(lock) as { name: string }).name;
    const scripts = { install: "node -e \"require('fs').writeFileSync('installed.txt', process.env.npm_package_name + '\\n')\"" };
    writeFileSync(path.join(tree, 'package.json'), JSON.stringify({ name, version: '1.0.0', scripts }));
    if (lock !== null) writeFileSync(path.join(tree, 'package-lock.json'), lock);
  }
  if (headModules) mkdirSync(path.join(head, 'node_modules', 'some-dependency'), { recursive: true });
  return { head, base };
}

function options(trees: { head: string; base: string }, overrides: Partial<SetupOptions> = {}) {
  const lines: string[] = [];
  const settings: SetupOptions = {
    ...trees,
    setup: null,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
    timeout: 120_000,
    log: { info: (line: string) => lines.push(line) },
    ...overrides,
  };
  return { settings, lines };
}

describe('setupTrees', () => {
  test('a byte-identical lockfile gives the base the head node_modules through a link, and says so', async () => {
    const trees = makeTrees(LOCK('demo'), LOCK('demo'));
    const { settings, lines } = options(trees);
    const report = await setupTrees(settings);
    expect(report.base).toEqual({ kind: 'linked', lockfile: 'package-lock.json', target: path.join(trees.head, 'node_modules') });
    expect(report.head.kind).toBe('none');
    expect(lstatSync(path.join(trees.base, 'node_modules')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(trees.base, 'node_modules'))).toBe(path.join(trees.head, 'node_modules'));
    expect(lines.at(-1)).toMatch(/^setup: head: nothing to do: .*; base: package-lock\.json is byte-identical, so it uses the head's node_modules/);
  });

  test('a lockfile that differs runs its clean install in the base tree only', async () => {
    const trees = makeTrees(LOCK('demo'), LOCK('demo-old'));
    const { settings, lines } = options(trees);
    const report = await setupTrees(settings);
    expect(report.base).toMatchObject({ kind: 'install', command: 'npm ci' });
    expect(lines).toContain("setup of the base tree: npm ci (package-lock.json differs from the head's package-lock.json)");
    // npm ci ran in the base tree (its install script wrote the marker) and linked nothing.
    expect(readFileSync(path.join(trees.base, 'installed.txt'), 'utf8')).toBe('demo-old\n');
    expect(() => lstatSync(path.join(trees.base, 'node_modules'))).toThrow(/ENOENT/);
  });

  test('without a lockfile in the base nothing is done, and that is logged', async () => {
    const trees = makeTrees(LOCK('demo'), null);
    const { settings } = options(trees);
    const report = await setupTrees(settings);
    expect(report.base).toEqual({ kind: 'none', reason: 'the base tree has no lockfile (package-lock.json, pnpm-lock.yaml or yarn.lock)' });
    expect(describeSetup(report.base)).toMatch(/^nothing to do: the base tree has no lockfile/);
  });

  test("a 'setup' command runs in each tree, head first, with the scrubbed environment", async () => {
    const trees = makeTrees(null, null);
    const marker = path.join(scratchDir('benchgate-setup-marker-'), 'order.txt');
    const { settings } = options(trees, {
      setup: `echo "$(pwd) token=[$GITHUB_TOKEN] extra=[$EXTRA_SETTING]" >> ${marker} && echo built > built.txt`,
      env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghs_setuptesttoken123', EXTRA_SETTING: 'kept' },
      token: 'ghs_setuptesttoken123',
    });
    const report = await setupTrees(settings);
    expect(report.head.kind).toBe('command');
    expect(report.base.kind).toBe('command');
    expect(readFileSync(marker, 'utf8')).toBe(`${trees.head} token=[] extra=[kept]\n${trees.base} token=[] extra=[kept]\n`);
    expect(readFileSync(path.join(trees.base, 'built.txt'), 'utf8')).toBe('built\n');
  });

  test("a 'setup' that fails in the base is BaseUnusableError (setup-failed); in the head it is a RunnerError", async () => {
    const trees = makeTrees(null, null);
    writeFileSync(path.join(trees.base, 'broken'), '');
    const failsInBase = options(trees, { setup: 'if [ -e broken ]; then echo "cannot build the old tree" >&2; exit 3; fi' }).settings;
    const error = await setupTrees(failsInBase).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseUnusableError);
    expect((error as BaseUnusableError).reason).toBe('setup-failed');
    expect((error as Error).message).toMatch(/input 'setup' failed in the base tree: .*exited with code 3: cannot build the old tree/);

    const failsInHead = options(trees, { setup: 'exit 4' }).settings;
    const headError = await setupTrees(failsInHead).catch((e: unknown) => e);
    expect(headError).toBeInstanceOf(RunnerError);
    expect((headError as Error).message).toMatch(/input 'setup' failed in the head tree .*exited with code 4/);
  });

  test('a setup that runs past its timeout is killed and named', async () => {
    const trees = makeTrees(null, null);
    const started = Date.now();
    const error = await setupTrees(options(trees, { setup: 'sleep 30', timeout: 500 }).settings).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((error as Error).message).toMatch(/'sleep 30' was killed after \d+\.\d s/);
  });

  test('findLockfile prefers package-lock.json, then pnpm, then yarn', async () => {
    const dir = scratchDir('benchgate-lock-');
    writeFileSync(path.join(dir, 'yarn.lock'), '# yarn');
    expect((await findLockfile(dir))?.lockfile).toEqual({ file: 'yarn.lock', install: 'yarn install --immutable' });
    writeFileSync(path.join(dir, 'pnpm-lock.yaml'), 'lockfileVersion: 9');
    expect((await findLockfile(dir))?.lockfile.install).toBe('pnpm install --frozen-lockfile');
    expect(await findLockfile(path.join(dir, 'missing'))).toBeNull();
  });
});
