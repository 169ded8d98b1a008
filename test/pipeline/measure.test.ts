import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { measure, type MeasureConfig } from '../../src/pipeline.ts';
import { ENVIRONMENT } from '../compare/helpers.ts';

const fixtures = path.join(import.meta.dirname, '..', 'runner', 'fixtures');

function settings(overrides: Partial<MeasureConfig>): MeasureConfig {
  return {
    outputFilePath: null,
    tool: 'auto',
    suites: 'env.bench.ts',
    runs: 1,
    time: 10,
    warmupTime: 0,
    retainSamples: false,
    filter: null,
    runTimeout: 30_000,
    seed: 3,
    shard: null,
    ...overrides,
  };
}

/** Runs the env fixture, whose metric is the number in FIXTURE_VALUE as its child process sees it (0 when unset). */
async function seenValue(overrides: Partial<MeasureConfig>): Promise<number | undefined> {
  const results = await measure(settings(overrides), {
    cwd: fixtures,
    env: { ...process.env, FIXTURE_VALUE: '424242424' },
    commit: null,
    ref: null,
    environment: ENVIRONMENT,
    log: { info: () => {} },
  });
  return results.benchmarks[0]?.metrics.find((m) => m.name === 'from-env')?.runs[0];
}

describe('measure, the stored design', () => {
  test("the suites' child processes do not see a variable whose value is the config's token, unless pass-env names it", async () => {
    expect(await seenValue({})).toBe(424242424);
    expect(await seenValue({ githubToken: '424242424' })).toBe(0);
    expect(await seenValue({ githubToken: '424242424', passEnv: ['FIXTURE_VALUE'] })).toBe(424242424);
  });
});
