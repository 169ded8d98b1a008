/**
 * Regenerates action.yml's inputs and outputs and README.md's inputs table and CLI help from the
 * config schema. `node scripts/gen.ts --check` changes nothing and exits 1 when a file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderActionYml, renderReadme } from './docs.ts';

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, render] of [
  ['action.yml', renderActionYml],
  ['README.md', renderReadme],
] as const) {
  const current = readFileSync(file, 'utf8');
  const next = render(current);
  if (next === current) continue;
  if (check) {
    console.log(`${file} is out of date with src/config/schema.ts; run 'npm run gen'`);
    stale++;
  } else {
    writeFileSync(file, next);
    console.log(`wrote ${file}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
