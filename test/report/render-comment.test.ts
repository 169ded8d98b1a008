import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReportSchema, type Report } from '../../src/compare/schema.ts';
import { commentMarker, MAX_COMMENT_LENGTH, renderComment } from '../../src/report/render-comment.ts';
import { bigReport, comparison, GOLDEN_FIXTURES, hostile, mixed, noBaseline, regressions, report } from './fixtures.ts';
import { htmlText, renderHtml } from './render-html.ts';

const ALLOWED_TAGS = new Set([
  'h2', 'p', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary',
  'pre', 'code', 'ul', 'li', 'hr', 'blockquote',
]);

/** Every tag name in rendered HTML (opening or closing). */
function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-z0-9]+)[\s>]/gi)].map((match) => match[1]!.toLowerCase()));
}

describe('fixtures', () => {
  test.each(Object.entries(GOLDEN_FIXTURES))('%s is a valid benchgate/report@1', (_, fixture) => {
    expect(ReportSchema.parse(fixture)).toEqual(fixture);
  });
  test('the big fixture is valid too', () => {
    expect(() => ReportSchema.parse(bigReport(200))).not.toThrow();
  });
});

describe('renderComment goldens', () => {
  test.each(Object.entries(GOLDEN_FIXTURES))('%s', async (name, fixture) => {
    await expect(renderComment(fixture)).toMatchFileSnapshot(`./__golden__/${name}.md`);
  });

  test('folded (10,000 comparisons)', async () => {
    const big = ReportSchema.parse(bigReport(10_000));
    const comment = renderComment(big);
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    await expect(comment).toMatchFileSnapshot('./__golden__/folded.md');
  });
});

describe('renderComment', () => {
  test('starts with the marker of its benchmark set', () => {
    expect(renderComment(regressions).split('\n')[0]).toBe('<!-- benchgate:default -->');
    expect(renderComment({ ...regressions, benchmarkSet: 'nightly/arm64' }).startsWith(commentMarker('nightly/arm64'))).toBe(true);
  });

  test('the headline names the worst gated regression with its interval', () => {
    const headline = renderComment(regressions).split('\n')[1];
    expect(headline).toBe(
      '## ❌ 2 regressions (throughput −21.3% on layout/ddsplit-replay (latency-p50), 95% CI −23.0% … −19.4%) · ✅ 1 improvement',
    );
  });

  test('the footer says whether the stored history was enough for a job-to-job noise estimate', () => {
    const withHistory = (historyRuns: number, minHistoryJobs: number) =>
      renderComment({ ...regressions, baselineChoice: { ...regressions.baselineChoice!, historyRuns }, settings: { ...regressions.settings, minHistoryJobs } });
    expect(withHistory(1, 5)).toContain('on main (1 stored run(s) of history, fewer than the 5 a job-to-job noise estimate needs)');
    expect(withHistory(1, 1)).toContain('(1 stored run(s) of history, fewer than the 2 a job-to-job noise estimate needs)');
    expect(withHistory(5, 5)).toContain('on main (5 stored runs gave the job-to-job noise)');
    expect(withHistory(0, 5)).toContain('newest stored run at the merge base 3f9a2c4 on main\n');
  });

  test('nothing moved: no significant change in N benchmarks', () => {
    expect(renderComment(GOLDEN_FIXTURES['all-unchanged'])).toContain('## ✅ no significant change in 14 benchmarks');
  });

  test('inconclusive, errored, new and missing are counted in the headline and explained', () => {
    const comment = renderComment(mixed);
    expect(comment).toContain('## ⚠️ 1 inconclusive · 💥 1 errored · 🆕 1 new · ❔ 1 missing');
    expect(comment.match(/about 24 runs per side would settle it/g)).toHaveLength(1);
    expect(comment).toContain('current side: RangeError: offset 4096 is out of bounds');
    expect(comment).toContain('other intervals: 1 widened by the assumed job-to-job noise floor');
  });

  test('first run: a friendly message, and not a failure', () => {
    const comment = renderComment(noBaseline);
    expect(comment).toContain('No baseline yet');
    expect(comment).toContain('first push to the default branch');
    expect(comment).toContain('has not failed');
    expect(comment).not.toContain('Gate: failed');
  });

  test('a fingerprint mismatch is a warning at the top and in the footer', () => {
    const comment = renderComment(GOLDEN_FIXTURES['fingerprint-mismatch']);
    expect(comment).toContain('> [!WARNING]');
    expect(comment).toContain('**Environments differ** in cpuModel:');
    expect(comment).toContain('**Gate: passed**\n\n⚠️ 1 comparison measured on a different machine');
  });

  test('the footer states baseline, runs, seeds, every threshold and the reproduce command', () => {
    const comment = renderComment(regressions);
    expect(comment).toContain('newest stored run at the merge base 3f9a2c4 on main');
    expect(comment).toContain('baseline 10, current 10');
    expect(comment).toContain('compare 20261122');
    expect(comment).toContain('alpha 0.01');
    expect(comment).toContain('threshold 5%');
    expect(comment).toContain('95% Hodges–Lehmann');
    expect(comment).toContain('fail-on regression; environment mismatch: advisory');
    expect(comment).toContain(`\`\`\`sh\n${regressions.reproduce}\n\`\`\``);
  });

  test('hostile strings render as text: no injected tags, mentions, references or table cells', () => {
    const html = renderHtml(renderComment(hostile));
    for (const tag of tagsOf(html)) expect(ALLOWED_TAGS, tag).toContain(tag);
    const text = htmlText(html.replace(/<pre>[\s\S]*?<\/pre>/g, ''));
    expect(text).toContain('<img src=x onerror=alert(1)>|@octocat #1 `rm -rf` **bold**');
    expect(text).toContain('[click](javascript:alert(1)) <!-- hidden --> -->');
    const visible = html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<[^>]*>/g, '');
    expect(visible).not.toMatch(/@[A-Za-z0-9]/);
    expect(visible).not.toMatch(/#[0-9]/);
    for (const row of html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      expect(row[1]!.match(/<t[hd][ >]/g)?.length).toBe(9);
    }
  });

  test('the reproduce command cannot escape its code block', () => {
    const html = renderHtml(renderComment(hostile));
    const blocks = [...html.matchAll(/<pre><code class="language-sh">([\s\S]*?)<\/code><\/pre>/g)].map((match) => htmlText(match[1]!));
    expect(blocks).toEqual([`${hostile.reproduce}\n`]);
    expect(html.slice(html.lastIndexOf('</pre>') + '</pre>'.length).trim()).toBe('');
  });

  test('folds unchanged rows first, then the smallest changes, and says how many', () => {
    const comment = renderComment(regressions, { maxLength: 2_500 });
    expect(comment.length).toBeLessThanOrEqual(2_500);
    expect(comment).toMatch(/> [345] of 6 comparisons are not listed, to stay under GitHub's 2,500-character comment limit: unchanged ones first, then the smallest changes/);
    expect(comment).toContain('| layout/ddsplit-replay | latency-p50 |');
    expect(comment).not.toContain('| executor/single-task |');
  });

  test('10,000 comparisons: under the limit, every regression kept, folded rows counted', () => {
    const big = bigReport(10_000);
    const comment = renderComment(big, { runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    const folded = Number(/> ([\d,]+) of 10,000 comparisons are not listed/.exec(comment)![1]!.replace(/,/g, ''));
    const rows = comment.split('\n').filter((line) => line.startsWith('| generated/')).length;
    expect(rows + folded).toBe(10_000);
    for (const item of big.comparisons.filter((c) => c.verdict === 'regressed')) {
      expect(comment).toContain(`| ${item.id} |`);
    }
    expect(comment).toContain('[job summary](https://github.com/o/r/actions/runs/1)');
  });

  test('stays under any limit, whatever the strings', () => {
    const hostileText = fc.string({ unit: fc.constantFrom('<', '@', '#', '|', '`', '&', 'a', ':', '\n', '*'), maxLength: 3_000 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: hostileText, reason: hostileText, verdict: fc.constantFrom('regressed', 'unchanged', 'inconclusive', 'errored') }), {
          maxLength: 40,
        }),
        hostileText,
        fc.integer({ min: 1_500, max: 20_000 }),
        (specs, reproduce, maxLength) => {
          const fixture: Report = report(
            specs.map((spec) => comparison({ ...spec, ratio: [1.2, 1.1, 1.3] })),
            { reproduce, benchmarkSet: reproduce.slice(0, 50) },
          );
          expect(renderComment(fixture, { maxLength }).length).toBeLessThanOrEqual(maxLength);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('commentMarker', () => {
  test.each([
    ['default', '<!-- benchgate:default -->'],
    ['nightly/arm64', '<!-- benchgate:nightly/arm64 -->'],
    ['a --> b', '<!-- benchgate:a%20-%2D%3E%20b -->'],
    ['\ud800', '<!-- benchgate:%EF%BF%BD -->'],
  ])('%j → %s', (set, marker) => {
    expect(commentMarker(set)).toBe(marker);
  });

  test('is one HTML comment for any set name, and distinct names give distinct markers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (a, b) => {
        const marker = commentMarker(a);
        expect(marker.slice(4, -3)).not.toMatch(/--|>|\n/);
        if (a !== b) expect(commentMarker(b)).not.toBe(marker);
      }),
    );
  });
});

describe('edge cases', () => {
  test('a first run too large for one comment folds the end of its list', () => {
    const big = bigReport(3_000);
    const firstRun = {
      ...noBaseline,
      comparisons: big.comparisons.map((item) => ({ ...item, verdict: 'new' as const, baseline: null, change: null, interval: null, p: null })),
    };
    const comment = renderComment(firstRun, { maxLength: 20_000 });
    expect(comment.length).toBeLessThanOrEqual(20_000);
    expect(comment).toMatch(/of 3,000 comparisons are not listed, to stay under GitHub's 20,000-character comment limit: the end of the list/);
    expect(comment).toContain('| generated/suite-0/benchmark-with-a-longish-name-0 |');
  });

  test('a report with no comparisons', () => {
    const empty = report([]);
    expect(renderComment(empty)).toContain('## ℹ️ no benchmarks to compare');
    expect(renderComment({ ...noBaseline, comparisons: [] })).toContain('measured 0 benchmarks');
  });

  test('only new and missing benchmarks: nothing compared on both sides', () => {
    const fixture = report([
      comparison({ id: 'a', verdict: 'new', reason: 'only in current' }),
      comparison({ id: 'b', verdict: 'missing', reason: 'only in baseline' }),
    ]);
    expect(renderComment(fixture).split('\n')[1]).toBe('## ✅ nothing to compare on both sides · 🆕 1 new · ❔ 1 missing');
  });

  test('a baseline given on the command line', () => {
    const comment = renderComment({ ...regressions, baselineChoice: null });
    expect(comment).toContain('given on the command line');
  });
});
