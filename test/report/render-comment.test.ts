import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ReportSchema, type Report } from '../../src/compare/schema.ts';
import { commentMarker, MAX_COMMENT_LENGTH, renderCommitComment, renderComment } from '../../src/report/render-comment.ts';
import { writeOutputs } from '../../src/github/write-outputs.ts';
import { bigReport, comparison, fork, GOLDEN_FIXTURES, hostile, noBaseline, regressions, report, suite30 } from './fixtures.ts';
import { htmlText, renderHtml } from './render-html.ts';

const ALLOWED_TAGS = new Set([
  'h3',
  'p',
  'br',
  'sub',
  'em',
  'strong',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'pre',
  'code',
  'ul',
  'li',
  'hr',
  'blockquote',
]);

/** Every tag name in rendered HTML (opening or closing). */
function tagsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/<\/?([a-z0-9]+)[\s>]/gi)].map((match) => match[1]!.toLowerCase()));
}

function headlineOf(fixture: Report): string {
  return renderComment(fixture).split('\n')[1]!;
}

/** The action's outputs for a report, as `writeOutputs` sets them. */
function outputsOf(fixture: Report): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  writeOutputs({ setOutput: (name, value) => (outputs[name] = value) }, fixture, {
    reportJson: 'r.json',
    reportMarkdown: 'r.md',
    commentUrl: null,
  });
  return outputs;
}

describe('fixtures', () => {
  test.each(Object.entries(GOLDEN_FIXTURES))('%s is a valid benchgate/report@2', (_, fixture) => {
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

  test('push-regression (the commit comment of a push to main)', async () => {
    await expect(renderCommitComment(suite30(3), { branch: 'main' })).toMatchFileSnapshot('./__golden__/push-regression.md');
  });

  test('dashboard-links (input dashboard: each gated regression links to its history page)', async () => {
    const links = new Map(
      regressions.comparisons.map((c) => [c.id, `https://octo.github.io/repo/dashboard/?set=default&branch=main&bench=${encodeURIComponent(c.id)}`]),
    );
    await expect(renderComment(regressions, { links })).toMatchFileSnapshot('./__golden__/dashboard-links.md');
  });
});

describe('renderComment', () => {
  test('starts with the marker of its benchmark set', () => {
    expect(renderComment(regressions).split('\n')[0]).toBe('<!-- benchgate:default -->');
    expect(renderComment({ ...regressions, benchmarkSet: 'nightly/arm64' }).startsWith(commentMarker('nightly/arm64'))).toBe(true);
  });

  test('line 1 is the decision: the verdict output, the counts of the outputs, and each gated regression with its interval', () => {
    expect(headlineOf(regressions)).toBe('### ❌ fail: 1 regression, 1 improvement — layout/ddsplit-replay throughput −21.3% (95% CI −23.0% … −19.4%)');
    expect(headlineOf(suite30(0))).toBe('### ✅ pass: 0 regressions, 0 improvements');
    expect(headlineOf(noBaseline)).toMatch(/^### 👋 no-baseline: first run of set default, 2 benchmarks measured/);
  });

  test.each(Object.entries(GOLDEN_FIXTURES))('%s: the headline says the verdict, regressions and improvements outputs exactly', (_, fixture) => {
    const outputs = outputsOf(fixture);
    const headline = headlineOf(fixture);
    expect(headline).toContain(` ${outputs['verdict']}: `);
    if (outputs['verdict'] !== 'no-baseline') {
      expect(headline).toMatch(new RegExp(`: ${outputs['regressions']} regressions?, ${outputs['improvements']} improvements?\\b`));
    }
  });

  test('metrics that are not gated never change the headline, its icon or its counts', () => {
    const base = suite30(0);
    const moved = report(
      base.comparisons.map((c) =>
        c.gate
          ? c
          : comparison({ id: c.id, metric: c.metric, unit: c.unit, gate: false, verdict: 'regressed', ratio: [3, 2.8, 3.2], worse: 0.0001, better: 0.9999 }),
      ),
    );
    expect(headlineOf(moved)).toBe(headlineOf(base));
    expect(renderComment(moved).split('\n')[3]).toBe(renderComment(base).split('\n')[3]);
    expect(outputsOf(moved)).toMatchObject({ verdict: 'pass', regressions: '0', improvements: '0' });
    // A diagnostic is never called regressed or improved: its better direction is not asserted.
    const diagnostics = renderComment(moved).split('<summary>Diagnostics')[1]!;
    expect(diagnostics).toContain('↑ higher');
    expect(diagnostics).not.toMatch(/regressed|improved/);
  });

  test.each(Object.entries(GOLDEN_FIXTURES))('%s: every table has at most 5 columns and a verdict column when it has a change column', (_, fixture) => {
    const html = renderHtml(renderComment(fixture));
    for (const tableHtml of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
      const header = [...tableHtml.matchAll(/<th[ >]([\s\S]*?)<\/th>/g)].map((match) => htmlText(match[1]!));
      expect(header.length).toBeLessThanOrEqual(5);
      if (header.some((cell) => cell.startsWith('Change ('))) expect(header.at(-1)).toBe('Verdict');
      for (const row of tableHtml.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) expect(row[1]!.match(/<t[hd][ >]/g)?.length).toBe(header.length);
    }
  });

  test('a 30-benchmark suite: at most 4 KB when nothing regressed, at most 8 KB with 3 regressions', () => {
    expect(renderComment(suite30(0)).length).toBeLessThanOrEqual(4096);
    expect(renderComment(suite30(3)).length).toBeLessThanOrEqual(8192);
  });

  test('"throughput" only for timings and rates; other metrics in their own terms', () => {
    const comment = renderComment(regressions);
    expect(comment).toContain('×4.1 bytes copied');
    expect(comment).not.toMatch(/throughput[^\n]*bytes/);
    const heap = renderComment(
      report([
        comparison({ id: 'a/b', metric: 'heap-per-iteration', unit: 'B', verdict: 'improved', ratio: [0.46, 0.44, 0.48], better: 0.0001, worse: 0.9999 }),
      ]),
    );
    expect(heap).toContain('**−54.0%** heap per iteration');
  });

  test('gated changes come first, unchanged and diagnostics are folded', () => {
    const comment = renderComment(regressions);
    const table = comment.indexOf('| Benchmark |');
    expect(comment.indexOf('<details><summary>3 unchanged gated comparisons')).toBeGreaterThan(table);
    expect(comment.indexOf('<details><summary>Diagnostics: 1 metric that is not gated')).toBeGreaterThan(table);
    expect(comment.slice(table, comment.indexOf('<details>'))).not.toContain('bytes-copied');
  });

  test('the forest plot: one row per gated comparison, sorted from worst to best, in a code block', () => {
    const comment = renderComment(regressions);
    const plot = /\*\*Change per gated comparison\*\*\n\n```\n([\s\S]*?)\n```/.exec(comment)![1]!;
    const rows = plot.split('\n').filter((line) => line.includes('●') && !line.startsWith('● estimate'));
    expect(rows.map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'layout/ddsplit-replay',
      'layout/boxed-error',
      'executor/single-task',
      'executor/buffer-unordered-32',
      'executor/spawn-blocking',
    ]);
    expect(comment).not.toContain('mermaid');
  });

  test('data-quality notes: one collapsed section, one line per benchmark, each explanation once', () => {
    const noisy = report(
      Array.from({ length: 10 }, (_, index) =>
        comparison({
          id: `s/t${index}`,
          verdict: 'unchanged',
          cv: [0.08, 0.09],
          flags: [
            { kind: 'high-cv', side: 'both' },
            { kind: 'outliers', side: 'baseline', baseline: 1, current: 0, fence: 1.5 },
          ],
        }),
      ),
    );
    const comment = renderComment(noisy);
    expect(comment.match(/<summary>Data-quality notes/g)).toHaveLength(1);
    expect(comment.match(/the runs vary more than the threshold/g)).toHaveLength(1);
    expect(comment.match(/Tukey/g)).toHaveLength(1);
    expect(comment.match(/^- \*\*s\/t\d\*\*: noisy: CV baseline 8%, current 9%; outliers: 1 baseline run \(k = 1\.5\)$/gm)).toHaveLength(10);
  });

  test('inconclusive and errored gated comparisons are explained once, under the table', () => {
    const comment = renderComment(fork);
    expect(comment.match(/about 24 runs per side would settle it/g)).toHaveLength(1);
    expect(comment).toContain('- 💥 **layout/parse-headers**: the current benchmark errored: RangeError: offset 4096 is out of bounds');
  });

  test('first run: a friendly message, and not a failure', () => {
    const comment = renderComment(noBaseline);
    expect(comment).toContain('first push to the default branch');
    expect(comment).toContain('has not failed');
  });

  test('a fingerprint mismatch is a warning at the top and in the footer', () => {
    const comment = renderComment(GOLDEN_FIXTURES['fingerprint-mismatch']);
    expect(comment).toContain('> [!WARNING]\n> Measured on different machines (CPU AMD EPYC');
    expect(comment).toContain('⚠️ **Different machines** (CPU differ)');
  });

  test('the footer agrees with itself: the noise model comes from the comparisons', () => {
    const comment = renderComment(fork);
    expect(comment).toContain(
      '- **Noise model:** job-to-job noise from 6 stored jobs (2); an assumed 3% job-to-job noise floor (fewer than 5 stored jobs of history) (1)',
    );
    expect(comment).not.toMatch(/history used from/);
    expect(renderComment(regressions)).toContain('- **Noise model:** job-to-job noise from 6 stored jobs for all 6 tested comparisons');
  });

  test('the reproduce command is wrapped to fit, one step per line', () => {
    const long = {
      ...regressions,
      reproduce:
        'git fetch origin benchgate-data && git show FETCH_HEAD:default/main/abc.json > baseline.json && npx benchgate run --runs 10 --time 500 --seed 7 --out current.json && npx benchgate compare baseline.json current.json --threshold 5% --alpha 0.01',
    };
    const block = /```sh\n([\s\S]*?)\n```/.exec(renderComment(long))![1]!;
    for (const line of block.split('\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(block.replace(/ \\\n\s*/g, ' ').replace(/ &&\n/g, ' && ')).toBe(long.reproduce);
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
  });

  test('the reproduce command cannot escape its code block', () => {
    const html = renderHtml(renderComment(hostile));
    const blocks = [...html.matchAll(/<pre><code class="language-sh">([\s\S]*?)<\/code><\/pre>/g)].map((match) => htmlText(match[1]!));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.replace(/ \\\n\s*/g, ' ')).toBe(`${hostile.reproduce}\n`);
    expect(html.slice(html.lastIndexOf('</pre>') + '</pre>'.length).trim()).toBe('');
  });

  test('folds unchanged rows first, says how many and exactly where the full list is', () => {
    const comment = renderComment(regressions, { maxLength: 2_900, runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(comment.length).toBeLessThanOrEqual(2_900);
    expect(comment).toMatch(
      /> \d of 6 comparisons are not listed here, to stay under GitHub's 2,900-character comment limit \(diagnostics and unchanged ones first, then the smallest changes\)\. The full list is in the \[job summary of this run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\) and in the report JSON file \(the `report-json` output\)\./,
    );
    expect(comment).toContain('| layout/ddsplit-replay |');
  });

  test('10,000 comparisons: under the limit, every regression kept, folded rows counted', () => {
    const big = bigReport(10_000);
    const comment = renderComment(big);
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    const folded = Number(/> ([\d,]+) of 10,000 comparisons are not listed/.exec(comment)![1]!.replace(/,/g, ''));
    const rows = comment.split('\n').filter((line) => line.startsWith('| generated/')).length;
    expect(rows + folded).toBe(10_000);
    for (const item of big.comparisons.filter((c) => c.verdict === 'regressed')) expect(comment).toContain(`| ${item.id} |`);
  });

  test('stays under any limit, whatever the strings', () => {
    const hostileText = fc.string({ unit: fc.constantFrom('<', '@', '#', '|', '`', '&', 'a', ':', '\n', '*'), maxLength: 3_000 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: hostileText, message: hostileText, verdict: fc.constantFrom('regressed', 'unchanged', 'inconclusive', 'errored') }), {
          maxLength: 40,
        }),
        hostileText,
        fc.integer({ min: 1_500, max: 20_000 }),
        (specs, reproduce, maxLength) => {
          const fixture: Report = report(
            specs.map(({ id, message, verdict }) =>
              comparison({ id, verdict, ratio: [1.2, 1.1, 1.3], ...(verdict === 'errored' ? { reason: { cause: 'errored', side: 'current', message } } : {}) }),
            ),
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
      comparisons: big.comparisons.map((item) => comparison({ id: item.id, verdict: 'new', reason: { cause: 'no-baseline' } })),
    };
    const comment = renderComment(firstRun, { maxLength: 20_000 });
    expect(comment.length).toBeLessThanOrEqual(20_000);
    expect(comment).toMatch(/of 3,000 comparisons are not listed here, to stay under GitHub's 20,000-character comment limit \(the end of the list\)/);
    expect(comment).toContain('| generated/suite-0/benchmark-with-a-longish-name-0 |');
  });

  test('a report with no comparisons', () => {
    const empty = report([]);
    expect(renderComment(empty).split('\n')[1]).toBe('### ✅ pass: 0 regressions, 0 improvements — no gated comparisons');
    expect(renderComment({ ...noBaseline, comparisons: [] })).toContain('0 benchmarks measured');
  });

  test('only new and missing benchmarks: nothing compared on both sides', () => {
    const fixture = report([comparison({ id: 'a', verdict: 'new' }), comparison({ id: 'b', verdict: 'missing' })]);
    expect(renderComment(fixture).split('\n')[1]).toBe('### ✅ pass: 0 regressions, 0 improvements');
  });

  test('a baseline given on the command line', () => {
    const comment = renderComment({ ...regressions, baselineChoice: null });
    expect(comment).toContain('given on the command line');
  });
});

describe('dashboard links (input dashboard)', () => {
  test('each gated regression links to its history page; nothing else does, and the URL cannot break the link or the table', () => {
    const id = hostile.comparisons[0]!.id;
    const url = `https://octo.github.io/repo/dashboard/?set=default&branch=main&bench=${encodeURIComponent(id)}`;
    const inconclusive = hostile.comparisons.find((c) => c.verdict === 'inconclusive')!.id;
    const links = new Map([
      [id, url],
      [inconclusive, 'https://octo.github.io/repo/dashboard/?bench=other'],
    ]);
    const html = renderHtml(renderComment(hostile, { links }));
    const hrefs = [...html.matchAll(/<a href="([^"]*)">history<\/a>/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
    expect(hrefs).toHaveLength(1);
    expect(new URL(hrefs[0]!).searchParams.get('bench')).toBe(id);
    for (const tag of tagsOf(html)) expect([...ALLOWED_TAGS, 'a'], tag).toContain(tag);
    expect(renderComment(hostile)).not.toContain('[history]');
  });

  test('a base address with spaces, parentheses and brackets is percent-encoded once', () => {
    const html = renderHtml(renderComment(regressions, { links: new Map(regressions.comparisons.map((c) => [c.id, 'https://x.io/a b(c)[d]/?bench=a%2Fb'])) }));
    const hrefs = [...html.matchAll(/<a href="([^"]*)">history<\/a>/g)].map((match) => match[1]!);
    expect(hrefs.length).toBe(regressions.summary.gated.regressed);
    for (const href of hrefs) expect(href).toBe('https://x.io/a%20b%28c%29%5Bd%5D/?bench=a%2Fb');
  });
});
