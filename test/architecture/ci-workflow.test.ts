import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

test('the CI workflow runs npm ci and npm test on pushes and pull requests', () => {
  const ci = readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8');
  expect(ci).toMatch(/^on:\n {2}push:\n {2}pull_request:\n/m);
  expect(ci).toMatch(/- run: npm ci\n\s+- run: npm test\n/);
  expect(ci).toMatch(/node-version: 24/);
});

test('npm test runs the type check, Biome, the dist/ check and vitest', () => {
  const script = readFileSync(path.join(root, 'scripts/test.ts'), 'utf8');
  for (const step of ["'type check (tsc --noEmit)'", "'lint and format (biome ci)'", "'fresh build'", "'tests (vitest)'"]) expect(script).toContain(step);
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(packageJson.scripts.test).toBe('node scripts/test.ts');
});
