/**
 * The project's whole check, run by `npm test` and so by `.ci/run` and the CI workflow: types,
 * Biome's lint and format check, a dist/ that matches a fresh build, and the vitest suite. Ends
 * with the line `N passed, N failed`, where a failed type check, lint or stale dist/ counts as
 * one failure each, and exits non-zero on any failure. Extra arguments go to vitest (e.g.
 * `npm test -- test/stats`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const node = process.execPath;
const failures: string[] = [];

function step(title: string, args: string[]): boolean {
  console.log(`\n=== ${title}`);
  const { status } = spawnSync(node, args, { stdio: 'inherit' });
  return status === 0;
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function distDifferences(fresh: string): string[] {
  if (!existsSync('dist')) return ['dist/ does not exist'];
  const built = listFiles(fresh).sort();
  const committed = listFiles('dist').sort();
  const differences = [
    ...built.filter((f) => !committed.includes(f)).map((f) => `dist/${f} is missing`),
    ...committed.filter((f) => !built.includes(f)).map((f) => `dist/${f} is not produced by the build`),
  ];
  for (const file of built.filter((f) => committed.includes(f))) {
    if (!readFileSync(path.join(fresh, file)).equals(readFileSync(path.join('dist', file)))) {
      differences.push(`dist/${file} differs from a fresh build`);
    }
  }
  return differences;
}

if (!step('type check (tsc --noEmit)', ['node_modules/typescript/bin/tsc', '--noEmit'])) {
  failures.push('type check');
}

if (!step('lint and format (biome ci)', ['node_modules/@biomejs/biome/bin/biome', 'ci', '.'])) {
  failures.push('lint and format (run `npx biome check --write .` to apply the fixes it names)');
}

const scratch = mkdtempSync(path.join(tmpdir(), 'benchgate-test-'));
try {
  const fresh = path.join(scratch, 'dist');
  if (!step('fresh build', ['scripts/build.ts', fresh])) {
    failures.push('build');
  } else {
    const differences = distDifferences(fresh);
    if (differences.length > 0) {
      console.log(`dist/ is out of date with src/ (run 'npm run build' and commit dist/):\n  ${differences.join('\n  ')}`);
      failures.push('dist/ up to date');
    } else {
      console.log('dist/ matches a fresh build');
    }
  }

  const report = path.join(scratch, 'vitest.json');
  step('tests (vitest)', [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
      numTotalTests: number;
    };
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    skipped = json.numPendingTests + json.numTodoTests;
    // A test file that fails to load has no failed test in it, but it failed.
    if (json.numFailedTestSuites > 0 && failed === 0) failures.push(`${json.numFailedTestSuites} test file(s) failed to run`);
    if (json.numTotalTests === 0) failures.push('no test ran');
  } else {
    failures.push('vitest wrote no report');
  }
  if (failures.length > 0) console.log(`\nfailed checks: ${failures.join('; ')}`);
  failed += failures.length;
  console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
