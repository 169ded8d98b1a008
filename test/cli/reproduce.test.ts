import { describe, expect, test } from 'vitest';
import { buildConfig } from '../../src/config/config.ts';
import { describeCli, describeReproduction } from '../../src/pipeline.ts';

const config = (inputs: Record<string, string>) =>
  buildConfig(
    (name) => inputs[name] ?? '',
    42,
    () => false,
  );

describe('the reproduce command in every report', () => {
  test('fetches the stored baseline, measures with the same seed and settings, and compares', () => {
    const command = describeReproduction(config({ runs: '12', filter: '^layout/', threshold: '7.5%' }), {
      fetch: 'git fetch origin benchgate-data && git show FETCH_HEAD:default/main/abc.json > baseline.json',
    });
    expect(command).toBe(
      "git fetch origin benchgate-data && git show FETCH_HEAD:default/main/abc.json > baseline.json && npx benchgate run --runs 12 --time 100 --seed 42 --output current.json --filter '^layout/' && npx benchgate compare baseline.json current.json --threshold 7.5% --alpha 0.01",
    );
  });

  test('a baseline file is compared directly; no baseline means measuring only', () => {
    expect(describeReproduction(config({}), { file: 'benchmarks/baseline.json' })).toMatch(/compare benchmarks\/baseline\.json current\.json/);
    expect(describeReproduction(config({ suites: 'bench/*.bench.ts', runs: '3' }), null)).toBe(
      "npx benchgate run --runs 3 --time 100 --seed 42 --output current.json --suites 'bench/*.bench.ts'",
    );
  });

  test('a 7% threshold is written as 7%, not 7.000000000000001% (0.07 × 100 in binary)', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(describeReproduction(config({ threshold: '7%' }), { file: 'b.json' })).toContain('--threshold 7% ');
    expect(describeReproduction(config({ threshold: '0.07' }), { file: 'b.json' })).toContain('--threshold 7% ');
  });

  test('runs auto is reproduced as the 10 runs it meant', () => {
    expect(describeReproduction(config({ runs: 'auto' }), null)).toContain('--runs 10 ');
  });
});

describe('the CLI the reproduce command names', () => {
  test('for uses: owner/repo@ref, npm runs the action repository at that ref', () => {
    const cli = describeCli({ GITHUB_ACTION_REPOSITORY: 'acme/benchgate', GITHUB_ACTION_REF: 'v1.2.0' });
    expect(cli).toBe('npx --yes --package=github:acme/benchgate#v1.2.0 benchgate');
    expect(describeReproduction(config({}), { file: 'b.json' }, cli)).toBe(
      'npx --yes --package=github:acme/benchgate#v1.2.0 benchgate run --runs 10 --time 100 --seed 42 --output current.json && npx --yes --package=github:acme/benchgate#v1.2.0 benchgate compare b.json current.json --threshold 5% --alpha 0.01',
    );
  });

  test('for uses: ./ (both unset), or values that are not a repository and ref, the installed package', () => {
    expect(describeCli({})).toBe('npx benchgate');
    expect(describeCli({ GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' })).toBe('npx benchgate');
    expect(describeCli({ GITHUB_ACTION_REPOSITORY: 'acme/benchgate', GITHUB_ACTION_REF: 'v1; rm -rf ~' })).toBe('npx benchgate');
  });
});
