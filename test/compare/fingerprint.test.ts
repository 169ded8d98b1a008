import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare-results.ts';
import { createReport } from '../../src/compare/create-report.ts';
import { diffFingerprints } from '../../src/compare/fingerprint.ts';
import { describeFlag } from '../../src/report/describe-reason.ts';
import type { FINGERPRINT_MISMATCH_MODES } from '../../src/compare/options.ts';
import { renderComment } from '../../src/report/render-comment.ts';
import { renderTextTable } from '../../src/report/render-text-table.ts';
import type { Environment } from '../../src/results/schema.ts';
import { bench, ENVIRONMENT, metric, results } from './helpers.ts';

const runs = [100, 101, 99, 100.5, 100.2, 99.8, 100.1, 99.9, 100.3, 100.4];

describe('diffFingerprints', () => {
  test('compares CPU model, core count and Node major; not OS, arch, runner image or Node minor', () => {
    const other: Environment = { ...ENVIRONMENT, os: 'darwin', arch: 'arm64', runnerImage: 'ubuntu24/2', node: 'v24.9.9' };
    expect(diffFingerprints(ENVIRONMENT, other)).toEqual([]);
    expect(diffFingerprints(ENVIRONMENT, { ...ENVIRONMENT, cores: 4, node: 'v22.1.0' })).toEqual([
      { field: 'cores', baseline: '2', current: '4' },
      { field: 'node', baseline: '24', current: '22' },
    ]);
  });

  test("'ignore' reports no difference", () => {
    expect(diffFingerprints(ENVIRONMENT, { ...ENVIRONMENT, cores: 4 }, 'ignore')).toEqual([]);
  });

  test('the flag carries the differences and the report names each', () => {
    const [base, cur] = [
      results([bench('suite/task', metric(runs))]),
      results([bench('suite/task', metric(runs))], { environment: { ...ENVIRONMENT, cpuModel: 'Other', cores: 8 } }),
    ];
    const [comparison] = compareResults(base, cur);
    const flag = comparison!.flags.find((f) => f.kind === 'fingerprint-mismatch')!;
    expect(flag).toEqual({
      kind: 'fingerprint-mismatch',
      side: 'both',
      differences: diffFingerprints(ENVIRONMENT, { ...ENVIRONMENT, cpuModel: 'Other', cores: 8 }),
    });
    expect(describeFlag(flag, comparison!)).toBe('measured on different machines: CPU Test CPU @ 3.0GHz → Other, cores 2 → 8');
  });
});

describe('the report says the environments differ exactly when comparisons carry the fingerprint flag', () => {
  function render(current: Environment, mode: (typeof FINGERPRINT_MISMATCH_MODES)[number]) {
    const baseline = results([bench('suite/task', metric(runs))]);
    const now = results([bench('suite/task', metric(runs))], { environment: current });
    const comparisons = compareResults(baseline, now, { fingerprintMismatch: mode });
    const report = createReport({
      benchmarkSet: 'default',
      baseline,
      baselineChoice: null,
      current: now,
      options: { fingerprintMismatch: mode },
      comparisons,
      gate: { fingerprintMismatch: mode },
      reproduce: '',
    });
    const flagged = comparisons.some((c) => c.flags.some((f) => f.kind === 'fingerprint-mismatch'));
    return { flagged, comment: renderComment(report), table: renderTextTable(report) };
  }

  test.each([
    ['only the OS and runner image differ', { ...ENVIRONMENT, os: 'linux 6.9', runnerImage: 'ubuntu24/2' }, 'advisory', false],
    ['only the Node minor version differs', { ...ENVIRONMENT, node: 'v24.9.0' }, 'advisory', false],
    ["the CPU differs but the mode is 'ignore'", { ...ENVIRONMENT, cpuModel: 'Other CPU' }, 'ignore', false],
    ['the CPU differs', { ...ENVIRONMENT, cpuModel: 'Other CPU' }, 'advisory', true],
  ] as const)('%s', (_name, current, mode, differ) => {
    const { flagged, comment, table } = render(current, mode);
    expect(flagged).toBe(differ);
    expect(comment.includes('Measured on different machines')).toBe(differ);
    expect(comment.includes('**Different machines**')).toBe(differ);
    expect(table.includes('measured on different machines')).toBe(differ);
  });
});
