/**
 * scripts/build.ts: linked source maps, the licences of the bundled packages, and the same bytes
 * wherever it builds (npm test compares a build in a temporary folder with the committed dist/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let scratch: string;
let near: string;
let far: string;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
  );
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'benchgate-build-'));
  near = path.join(scratch, 'dist');
  far = path.join(scratch, 'a', 'much', 'deeper', 'folder');
  mkdirSync(far, { recursive: true });
  for (const outdir of [near, far]) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.ts'), outdir], { cwd: root, stdio: 'pipe' });
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('every entry has a linked source map that names the src/ files as seen from dist/', () => {
  for (const entry of ['index', 'cli', 'child']) {
    expect(readFileSync(path.join(near, `${entry}.js`), 'utf8').trimEnd()).toMatch(new RegExp(`//# sourceMappingURL=${entry}\\.js\\.map$`));
    const map = JSON.parse(readFileSync(path.join(near, `${entry}.js.map`), 'utf8')) as { sources: string[] };
    expect(map.sources).toContain(entry === 'child' ? '../src/runner/child.ts' : `../src/${entry}.ts`);
  }
});

test('THIRD_PARTY_LICENSES.txt holds the licence text of each bundled package', () => {
  const licences = readFileSync(path.join(near, 'THIRD_PARTY_LICENSES.txt'), 'utf8');
  for (const name of ['zod', '@actions/core', '@octokit/core', 'undici'])
    expect(licences).toMatch(new RegExp(`^${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'));
  expect(licences).toContain('Permission is hereby granted, free of charge');
  expect(licences).not.toMatch(/^vitest /m);
});

test('two builds in different folders are byte for byte the same', () => {
  const files = listFiles(near).sort();
  expect(listFiles(far).sort()).toEqual(files);
  for (const file of files) expect(readFileSync(path.join(far, file)).equals(readFileSync(path.join(near, file))), file).toBe(true);
});

test('the dashboard page is prebuilt beside the bundle, and the built CLI uses it (no esbuild beside dist/)', async () => {
  const script = readFileSync(path.join(near, 'dashboard-page.js'), 'utf8');
  expect(script.length).toBeGreaterThan(10_000);
  expect(readFileSync(path.join(near, 'dashboard-page.css'), 'utf8')).toContain('.uplot');
  expect(readFileSync(path.join(near, 'THIRD_PARTY_LICENSES.txt'), 'utf8')).toMatch(/^uplot \d+\.\d+\.\d+ \(MIT\)$/m);
  const { writeFixtureHistory } = await import('../dashboard/fixture-history.ts');
  const data = path.join(scratch, 'data');
  const site = path.join(scratch, 'site');
  await writeFixtureHistory(data);
  execFileSync(process.execPath, [path.join(near, 'cli.js'), 'dashboard', data, '--out', site], { cwd: scratch, stdio: 'pipe' });
  expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain(script.trim().slice(0, 200));
});
