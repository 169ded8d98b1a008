import { describe, expect, test } from 'vitest';
import type { AnnotationProperties, JobSummary } from '../../src/github/actions-core.ts';
import { annotateRegressions, describeRegression } from '../../src/github/annotate-regressions.ts';
import { writeJobSummary } from '../../src/github/write-job-summary.ts';
import { writeOutputs } from '../../src/github/write-outputs.ts';
import { comparison, makeReport } from './helpers.ts';

function fakeCore() {
  const outputs: Record<string, unknown> = {};
  const errors: Array<[string, AnnotationProperties | undefined]> = [];
  const warnings: Array<[string, AnnotationProperties | undefined]> = [];
  return {
    outputs,
    errors,
    warnings,
    setOutput: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    error: (message: string | Error, properties?: AnnotationProperties) => errors.push([String(message), properties]),
    warning: (message: string | Error, properties?: AnnotationProperties) => warnings.push([String(message), properties]),
    info: () => {},
  };
}

function fakeSummary() {
  const state = { text: '', writes: 0 };
  const summary: JobSummary = {
    addRaw(text: string, addEOL?: boolean) {
      state.text += text + (addEOL === true ? '\n' : '');
      return summary;
    },
    async write() {
      state.writes++;
      return summary;
    },
  };
  return { summary, state };
}

const files = { reportJson: '/tmp/r.json', reportMarkdown: '/tmp/r.md', commentUrl: 'https://github.com/o/r/pull/1#issuecomment-9' };

describe('writeOutputs', () => {
  test('a failed gate: verdict fail with the counts', () => {
    const core = fakeCore();
    const report = makeReport([comparison('a/x', 'regressed'), comparison('a/y', 'regressed'), comparison('a/z', 'improved'), comparison('a/w', 'unchanged')]);
    writeOutputs(core, report, files);
    expect(core.outputs).toEqual({
      verdict: 'fail',
      regressions: '2',
      improvements: '1',
      'report-json': '/tmp/r.json',
      'report-markdown': '/tmp/r.md',
      'comment-url': files.commentUrl,
    });
  });

  test('a passing report, with no comment: verdict pass and an empty comment-url', () => {
    const core = fakeCore();
    writeOutputs(core, makeReport([comparison('a/x', 'unchanged')]), { ...files, commentUrl: null });
    expect(core.outputs).toMatchObject({ verdict: 'pass', regressions: '0', improvements: '0', 'comment-url': '' });
  });

  test('a regression of a non-gated metric passes and is not counted: it is a diagnostic', () => {
    const core = fakeCore();
    writeOutputs(core, makeReport([comparison('a/x', 'regressed', { gate: false }), comparison('a/y', 'improved', { gate: false })]), files);
    expect(core.outputs).toMatchObject({ verdict: 'pass', regressions: '0', improvements: '0' });
  });

  test('no baseline: verdict no-baseline', () => {
    const core = fakeCore();
    writeOutputs(core, makeReport([comparison('a/x', 'new')], { baseline: false }), files);
    expect(core.outputs['verdict']).toBe('no-baseline');
  });
});

describe('annotateRegressions', () => {
  test('one error annotation per gated regression, titled with the benchmark', () => {
    const core = fakeCore();
    const count = annotateRegressions(
      core,
      makeReport([comparison('layout/ddsplit-replay', 'regressed'), comparison('a/y', 'unchanged'), comparison('a/z', 'improved')]),
    );
    expect(count).toBe(1);
    expect(core.errors).toHaveLength(1);
    const [message, properties] = core.errors[0] ?? [];
    expect(properties).toEqual({ title: 'benchgate: layout/ddsplit-replay regressed' });
    expect(message).toBe(
      'throughput −21.3% (95% CI −23.0% … −19.4%) on time (ms): Holm-adjusted p 4.0e-4, threshold 5%. worse beyond the 5% threshold (Holm-adjusted p = 4.0e-4; Mann–Whitney U on 10 and 10 runs)',
    );
  });

  test('a metric that is not gated gets no annotation: it is a diagnostic', () => {
    const core = fakeCore();
    expect(annotateRegressions(core, makeReport([comparison('a/x', 'regressed', { gate: false })]))).toBe(0);
    expect([...core.errors, ...core.warnings]).toEqual([]);
  });

  test('nothing regressed: no annotations', () => {
    const core = fakeCore();
    expect(annotateRegressions(core, makeReport([comparison('a/x', 'unchanged')]))).toBe(0);
    expect([...core.errors, ...core.warnings]).toEqual([]);
  });

  test('a regression without interval or p value still reads as a sentence', () => {
    expect(describeRegression(comparison('a/x', 'regressed', { interval: null }))).toMatch(
      /^throughput −21\.3% on time \(ms\): Holm-adjusted p 4\.0e-4, threshold 5%\./,
    );
  });
});

describe('writeJobSummary', () => {
  test('writes the whole report once', async () => {
    const { summary, state } = fakeSummary();
    expect(await writeJobSummary(summary, '# report\n| a | b |')).toEqual({ truncated: false });
    expect(state).toEqual({ text: '# report\n| a | b |\n', writes: 1 });
  });

  test('a report past the limit is cut at a line break and says so', async () => {
    const { summary, state } = fakeSummary();
    const lines = Array.from({ length: 200 }, (_, i) => `| row ${i} | é ${'x'.repeat(20)} |`);
    const result = await writeJobSummary(summary, lines.join('\n'), 2000);
    expect(result.truncated).toBe(true);
    expect(Buffer.byteLength(state.text.trimEnd())).toBeLessThanOrEqual(2000);
    expect(state.text).toMatch(/cut to fit GitHub's 1 MiB job summary limit/);
    const kept = state.text.split('\n\n> [!WARNING]')[0]?.split('\n') ?? [];
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.every((line, i) => line === lines[i])).toBe(true);
  });
});
