import { describeFingerprintMismatch, diffFingerprints } from '../compare/fingerprint.ts';
import type { Comparison, Report, SideInfo, Verdict } from '../compare/schema.ts';
import { describeShardProblems } from '../results/merge-shards.ts';
import type { Environment, Observation } from '../results/schema.ts';
import { countBenchmarks, describeHeadline, VERDICT_ICONS } from './describe-headline.ts';
import { escapeMarkdown, renderCodeBlock, truncateText } from './escape-markdown.ts';
import { formatFraction, formatP, formatPercent, formatPercentInterval, formatValue } from './format-value.ts';
import { renderChart } from './render-chart.ts';

/** How one markdown rendering is laid out and how large it may be. */
export interface MarkdownLayout {
  /** The hidden first line (the sticky comment's marker), or null for none. */
  marker: string | null;
  /** The largest size, as `measure` counts. */
  maxSize: number;
  /** How size is counted: characters for comments, UTF-8 bytes for the job summary. */
  measure: (text: string) => number;
  /** Names the limit in the folding note, e.g. "GitHub's 65,536-character comment limit". */
  limitName: string;
  /** Where the unfolded report can be read, named in the folding note. */
  fullReportHint: string;
  /** The most bars in the chart. */
  maxChartPoints: number;
}

const NAME_LENGTH = 120;
const SHORT_LENGTH = 60;
const TEXT_LENGTH = 300;
const MAX_GATE_REASONS = 5;
const MAX_FLAGS = 5;

/** Escapes a string from results after capping its length, so one huge name cannot fill the comment. */
function md(text: string, max = TEXT_LENGTH): string {
  return escapeMarkdown(truncateText(text, max));
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

const DISPLAY_ORDER: Record<Verdict, number> = {
  regressed: 0,
  errored: 1,
  inconclusive: 2,
  improved: 3,
  missing: 4,
  new: 5,
  unchanged: 6,
};

/**
 * Folding tiers, folded first → folded last: unchanged, then new and missing (no change to
 * show), then improved and inconclusive by size of change, then errored; regressions go last.
 */
const FOLD_TIER: Record<Verdict, number> = {
  unchanged: 0,
  new: 1,
  missing: 1,
  improved: 2,
  inconclusive: 2,
  errored: 3,
  regressed: 4,
};

function size(comparison: Comparison): number {
  const value = comparison.change?.throughput ?? 0;
  return Number.isFinite(value) ? Math.abs(value) : Number.MAX_VALUE;
}

function byName(a: Comparison, b: Comparison): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0;
}

/**
 * Orders comparisons for display: regressed, errored, inconclusive, improved, missing, new,
 * unchanged; inside a verdict gated ones first, then the largest change, then by name.
 * @param comparisons any comparisons
 */
export function sortForDisplay(comparisons: readonly Comparison[]): Comparison[] {
  return [...comparisons].sort(
    (a, b) =>
      DISPLAY_ORDER[a.verdict] - DISPLAY_ORDER[b.verdict] ||
      Number(b.gate) - Number(a.gate) ||
      size(b) - size(a) ||
      byName(a, b),
  );
}

/**
 * Orders comparisons by how little a reader loses when the row is left out: unchanged rows
 * first, then the smallest changes (see `FOLD_TIER`); regressions last, the largest of all last.
 * @param comparisons any comparisons
 */
export function sortForFolding(comparisons: readonly Comparison[]): Comparison[] {
  return [...comparisons].sort(
    (a, b) => FOLD_TIER[a.verdict] - FOLD_TIER[b.verdict] || size(a) - size(b) || byName(b, a),
  );
}

/** The Holm-adjusted p value of the one-sided test in the direction the estimate moved. */
function adjustedP(comparison: Comparison): number | null {
  if (comparison.p === null) return null;
  const worse = (comparison.change?.throughput ?? 0) < 0;
  return worse ? comparison.p.worseAdjusted : comparison.p.betterAdjusted;
}

function formatCenter(side: Comparison['baseline'], unit: string): string {
  return side === null || side.center === null ? '—' : md(formatValue(side.center, truncateText(unit, 20)));
}

const TABLE_HEADER = (level: number) =>
  `| Benchmark | Metric | Baseline | Current | Throughput | Metric change | ${formatFraction(level)} CI (throughput) | p (Holm) | Verdict |\n` +
  '|---|---|--:|--:|--:|--:|--:|--:|---|';

function renderRow(comparison: Comparison): string {
  const { change, interval } = comparison;
  const emphasis = comparison.verdict === 'regressed' || comparison.verdict === 'improved' ? '**' : '';
  const p = adjustedP(comparison);
  const cells = [
    md(comparison.id, NAME_LENGTH),
    md(comparison.metric, SHORT_LENGTH),
    formatCenter(comparison.baseline, comparison.unit),
    formatCenter(comparison.current, comparison.unit),
    change ? `${emphasis}${formatPercent(change.throughput)}${emphasis}` : '—',
    change ? formatPercent(change.metric) : '—',
    interval ? formatPercentInterval(interval.throughput) : '—',
    p === null ? '—' : formatP(p),
    `${VERDICT_ICONS[comparison.verdict]} ${comparison.verdict}${comparison.gate ? '' : ' (not gated)'}`,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A bullet explaining a row whose verdict or quality needs words, or null. */
function renderNote(comparison: Comparison): string | null {
  const explain = comparison.verdict === 'inconclusive' || comparison.verdict === 'errored';
  if (!explain && comparison.flags.length === 0) return null;
  const words: string[] = [];
  if (explain) words.push(md(comparison.reason));
  if (comparison.error !== undefined && !comparison.reason.includes(comparison.error.message)) {
    words.push(`${comparison.error.side} side: ${md(comparison.error.message)}`);
  }
  const { runsNeeded } = comparison;
  if (comparison.verdict === 'inconclusive' && runsNeeded !== null && !comparison.reason.includes(`${runsNeeded} runs`)) {
    words.push(`about ${count(runsNeeded)} runs per side would settle it`);
  }
  for (const flag of comparison.flags.slice(0, MAX_FLAGS)) words.push(`${flag.side}: ${md(flag.message)}`);
  if (comparison.flags.length > MAX_FLAGS) words.push(`${comparison.flags.length - MAX_FLAGS} more flags`);
  return `- ${VERDICT_ICONS[comparison.verdict]} **${md(comparison.id, NAME_LENGTH)}** · ${md(comparison.metric, SHORT_LENGTH)}: ${words.join('; ')}`;
}

function describeEnvironment(environment: Environment): string {
  const image = environment.runnerImage === null ? '' : ` · image ${environment.runnerImage}`;
  return `${environment.cpuModel} ×${environment.cores} · ${environment.os} ${environment.arch} · Node ${environment.node}${image}`;
}

function shortCommit(commit: string): string {
  return /^[0-9a-f]{40}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

function describeRange(values: readonly number[]): string {
  if (values.length === 0) return 'none';
  const low = values.reduce((a, b) => Math.min(a, b), Infinity);
  const high = values.reduce((a, b) => Math.max(a, b), -Infinity);
  return low === high ? count(low) : `${count(low)}–${count(high)}`;
}

function describeRuns(report: Report): string {
  const kinds = new Set<Observation>();
  const sides = (['baseline', 'current'] as const).map((side) => {
    const summaries = report.comparisons.flatMap((comparison) => (comparison[side] ? [comparison[side]] : []));
    for (const summary of summaries) kinds.add(summary.observation);
    return `${side} ${describeRange(summaries.map((summary) => summary.runs))}`;
  });
  const shown = report.baseline === null ? sides[1]! : sides.join(', ');
  const observations = [...kinds].sort().map(describeObservation);
  return observations.length === 0 ? shown : `${shown} (${observations.join('; ')})`;
}

function describeObservation(observation: Observation): string {
  switch (observation) {
    case 'process':
      return 'one fresh process per run';
    case 'sample':
      return 'samples within one process, not independent runs';
    case 'single':
      return 'one value per job';
    default:
      return 'summary statistics only';
  }
}

function describeOverrides(report: Report, field: 'threshold' | 'alpha'): string {
  const others = report.comparisons.filter((comparison) => comparison[field] !== report.settings[field]);
  if (others.length === 0) return '';
  const values = [...new Set(others.map((comparison) => comparison[field]))].sort((a, b) => a - b);
  const shown = values.slice(0, 5).map((value) => (field === 'threshold' ? formatFraction(value) : String(value)));
  return ` (${count(others.length)} ${others.length === 1 ? 'comparison uses' : 'comparisons use'} ${shown.join(', ')}${values.length > 5 ? ', …' : ''})`;
}

/** `2026-11-20T09:14:03.000Z` → `2026-11-20 09:14 UTC`; anything else is kept as it is. */
function formatDate(date: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(\.\d+)?)?Z$/.exec(date);
  return match ? `${match[1]} ${match[2]} UTC` : date;
}

function describeSide(side: SideInfo, commit: string | null, date: string): string {
  const shown = commit === null ? 'unknown commit' : md(shortCommit(commit), SHORT_LENGTH);
  const ref = side.ref === null ? '' : ` (${md(side.ref, SHORT_LENGTH)})`;
  const tool = side.tool === 'benchgate' ? '' : `, results from ${md(side.tool, SHORT_LENGTH)}`;
  return `${shown}${ref} measured ${md(formatDate(date), SHORT_LENGTH)}${tool}`;
}

/** What the stored history did for the comparison: too few runs give no job-to-job noise estimate. */
function describeHistory(historyRuns: number, minHistoryJobs: number | undefined): string {
  if (historyRuns === 0) return '';
  // As estimateJobNoise: a spread needs at least two jobs whatever the setting says.
  const needed = minHistoryJobs === undefined ? 0 : Math.max(2, minHistoryJobs);
  if (historyRuns < needed) {
    return ` (${count(historyRuns)} stored run(s) of history, fewer than the ${count(needed)} a job-to-job noise estimate needs)`;
  }
  return ` (${count(historyRuns)} stored runs gave the job-to-job noise)`;
}

function renderFooter(report: Report): string {
  const lines: string[] = [];
  const { baseline, baselineChoice, current, settings } = report;
  if (baseline !== null) {
    const commit = baselineChoice?.commit ?? baseline.commit;
    const date = baselineChoice?.date ?? baseline.createdAt;
    const how = baselineChoice === null ? 'given on the command line' : `chosen: ${md(baselineChoice.description)}`;
    lines.push(`- **Baseline:** ${describeSide(baseline, commit, date)}, ${how}${describeHistory(baselineChoice?.historyRuns ?? 0, settings.minHistoryJobs)}`);
  }
  lines.push(`- **Current:** ${describeSide(current, current.commit, current.createdAt)}`);
  if (baseline === null) {
    lines.push(`- **Environment:** ${md(describeEnvironment(current.environment))}`);
  } else {
    const differ = diffFingerprints(baseline.environment, current.environment, settings.fingerprintMismatch).map((difference) => difference.field);
    lines.push(
      differ.length === 0
        ? `- **Environment:** ${md(describeEnvironment(current.environment))} (same on both sides)`
        : `- **Environment:** baseline ${md(describeEnvironment(baseline.environment))}; current ${md(describeEnvironment(current.environment))}`,
    );
    if (differ.length > 0) lines.push(`- ⚠️ **Environments differ** in ${differ.join(', ')}: part of any change may be the machine, not the code.`);
  }
  lines.push(`- **Runs per side:** ${describeRuns(report)}`);
  const runSeeds = [
    ...(baseline === null ? [] : [`baseline run ${baseline.seed ?? 'not recorded'}`]),
    `current run ${current.seed ?? 'not recorded'}`,
  ];
  lines.push(`- **Seeds:** compare ${settings.seed} (interval resampling); ${runSeeds.join(', ')} (task order)`);
  const method = settings.interval === 'hodges-lehmann' ? 'Hodges–Lehmann' : `bootstrap${settings.resamples === undefined ? '' : ` (${count(settings.resamples)} resamples)`}`;
  lines.push(
    `- **Thresholds:** alpha ${settings.alpha}${describeOverrides(report, 'alpha')} on one-sided p values, Holm-adjusted across ${count(report.comparisons.length)} comparisons; ` +
      `threshold ${formatFraction(settings.threshold)}${describeOverrides(report, 'threshold')} (a significant change whose interval stays within it counts as unchanged); ` +
      `${formatFraction(settings.confidence)} ${method} intervals${describeMethods(report)}${describeExtraSettings(report)}`,
  );
  lines.push(`- **Reproduce:**`, '', renderCodeBlock(truncateText(report.reproduce, 2000), 'sh'));
  return lines.join('\n');
}

function joinSome(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_GATE_REASONS).map((line) => md(line));
  const more = lines.length > MAX_GATE_REASONS ? `; and ${count(lines.length - MAX_GATE_REASONS)} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** The interval methods comparisons used when some differ from the configured one. */
function describeMethods(report: Report): string {
  const methods = new Map<string, number>();
  for (const comparison of report.comparisons) {
    if (comparison.interval === null || comparison.interval.method === report.settings.interval) continue;
    methods.set(comparison.interval.method, (methods.get(comparison.interval.method) ?? 0) + 1);
  }
  if (methods.size === 0) return '';
  const described = [...methods].sort(([a], [b]) => (a < b ? -1 : 1)).map(([method, n]) => `${count(n)} ${INTERVAL_METHODS[method] ?? method}`);
  return ` (other intervals: ${described.join(', ')})`;
}

const INTERVAL_METHODS: Record<string, string> = {
  history: 'widened by the spread of stored base-branch jobs',
  'noise-floor': 'widened by the assumed job-to-job noise floor',
  welch: 'Welch',
  exact: 'exact',
  bootstrap: 'bootstrap',
  'hodges-lehmann': 'Hodges–Lehmann',
};

/** The optional settings compare recorded: noise floor, history minimum, fail-on, fingerprint policy. */
function describeExtraSettings(report: Report): string {
  const { settings } = report;
  const parts: string[] = [];
  if (settings.jobNoiseFloor !== undefined) parts.push(`job-to-job noise floor ${settings.jobNoiseFloor} (log scale) for within-process samples`);
  if (settings.minHistoryJobs !== undefined) parts.push(`history used from ${settings.minHistoryJobs} stored jobs`);
  if (settings.failOn !== undefined) parts.push(`fail-on ${settings.failOn}`);
  if (settings.fingerprintMismatch !== undefined) parts.push(`environment mismatch: ${settings.fingerprintMismatch}`);
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

function renderGate(report: Report): string {
  const warnings = report.gate.warnings ?? [];
  const warning = warnings.length > 0 ? `\n\n⚠️ ${joinSome(warnings)}` : '';
  if (report.baseline === null) return `**Gate: passed** (nothing to compare yet)${warning}`;
  if (!report.gate.failed) return `**Gate: passed**${warning}`;
  const reasons = report.gate.reasons.length > 0 ? ` — ${joinSome(report.gate.reasons)}` : '';
  return `**Gate: failed**${reasons}${warning}`;
}

function renderCounts(report: Report): string {
  const counts = Object.entries(DISPLAY_ORDER)
    .map(([verdict]) => [verdict, report.comparisons.filter((comparison) => comparison.verdict === verdict).length] as const)
    .filter(([, n]) => n > 0)
    .map(([verdict, n]) => `${count(n)} ${verdict}`);
  return `${count(report.comparisons.length)} comparisons of ${count(countBenchmarks(report.comparisons))} benchmarks in set **${md(report.benchmarkSet, SHORT_LENGTH)}**${counts.length > 0 ? `: ${counts.join(', ')}` : ''}.`;
}

function renderMismatchAlert(report: Report): string | null {
  if (report.baseline === null) return null;
  const differ = diffFingerprints(report.baseline.environment, report.current.environment, report.settings.fingerprintMismatch).map((difference) => difference.field);
  if (differ.length === 0) return null;
  return `> [!WARNING]\n> The baseline and this run were measured on different environments (${differ.join(', ')} differ); see the footer.`;
}

/** The most shard problems or differing machines listed; the rest are counted. */
const SHARD_LINES = 10;

/** For a merge of shard jobs: the shards that are missing, duplicated or refused, and the shards measured on other machines. */
function renderShardsAlert(report: Report): string | null {
  const { shards } = report;
  if (shards === undefined) return null;
  const first = shards.merged[0];
  const listed = (lines: string[]) => [
    ...lines.slice(0, SHARD_LINES).map((line) => `> - ${md(line)}`),
    ...(lines.length > SHARD_LINES ? [`> - and ${lines.length - SHARD_LINES} more`] : []),
  ];
  const blocks: string[] = [];
  if (shards.problems.length > 0) {
    blocks.push(
      [
        '> [!CAUTION]',
        `> Only ${shards.merged.length} of the ${shards.count} shards were merged, so these results are partial: the check fails and nothing was stored.`,
        ...listed(describeShardProblems(shards.problems, shards.count)),
      ].join('\n'),
    );
  }
  if (shards.environments.length > 0 && first !== undefined) {
    blocks.push(
      [
        '> [!WARNING]',
        `> The shards ran on different machines, so benchmarks of different shards are not comparable with each other (each is still compared with its own baseline):`,
        ...listed(shards.environments.map(({ index, differences }) => `shard ${index} ran on a different machine from shard ${first}: ${describeFingerprintMismatch(differences).join(', ')}`)),
      ].join('\n'),
    );
  }
  return blocks.length === 0 ? null : blocks.join('\n\n');
}

function renderFirstRunIntro(report: Report): string {
  return (
    `There is no stored baseline for benchmark set **${md(report.benchmarkSet, SHORT_LENGTH)}** yet, so nothing was compared and this check has not failed. ` +
    'The baseline appears after the first push to the default branch runs benchgate (the branches in `save-on`); ' +
    'from then on every pull request is compared against it and this comment shows what changed.'
  );
}

function renderFirstRunRow(comparison: Comparison): string {
  const side = comparison.current;
  const cells = [
    md(comparison.id, NAME_LENGTH),
    md(comparison.metric, SHORT_LENGTH),
    formatCenter(side, comparison.unit),
    side === null ? '—' : count(side.runs),
    side === null || side.cv === null ? '—' : formatFraction(side.cv),
  ];
  return `| ${cells.join(' | ')} |`;
}

function renderDetails(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function renderFoldNote(folded: number, total: number, layout: MarkdownLayout, firstRun: boolean): string {
  const which = firstRun ? 'the end of the list' : 'unchanged ones first, then the smallest changes';
  return `> [!NOTE]\n> ${count(folded)} of ${count(total)} comparisons are not listed, to stay under ${layout.limitName}: ${which}. ${layout.fullReportHint}`;
}

/**
 * Renders the whole report as GitHub markdown within `layout.maxSize`, folding the least
 * important rows (see {@link sortForFolding}) until it fits and saying how many were folded.
 * @param report the report
 * @param layout marker, size limit and wording
 * @returns markdown
 */
export function renderMarkdown(report: Report, layout: MarkdownLayout): string {
  const head = [
    ...(layout.marker === null ? [] : [layout.marker]),
    `## ${describeHeadline(report, (text) => md(text, NAME_LENGTH))
      .map((part) => `${part.icon} ${part.text}`)
      .join(' · ')}`,
    '',
  ];
  const footer = `---\n\n${renderFooter(report)}`;
  const displayed = sortForDisplay(report.comparisons);
  const rows = new Map<Comparison, string>();
  const notes = new Map<Comparison, string | null>();
  for (const comparison of displayed) {
    rows.set(comparison, report.baseline === null ? renderFirstRunRow(comparison) : renderRow(comparison));
    notes.set(comparison, report.baseline === null ? null : renderNote(comparison));
  }
  const level = report.settings.confidence;
  const gate = renderGate(report);
  const counts = renderCounts(report);

  const assemble = (hidden: ReadonlySet<Comparison>): string => {
    const shown = displayed.filter((comparison) => !hidden.has(comparison));
    const sections: string[] = [...head];
    const fold = hidden.size > 0 ? [renderFoldNote(hidden.size, displayed.length, layout, report.baseline === null)] : [];
    if (report.baseline === null) {
      sections.push(renderFirstRunIntro(report), '', gate, '');
      const shardsAlert = renderShardsAlert(report);
      if (shardsAlert !== null) sections.push(shardsAlert, '');
      for (const note of fold) sections.push(note, '');
      if (shown.length > 0) {
        const table = ['| Benchmark | Metric | Current | Runs | CV |', '|---|---|--:|--:|--:|', ...shown.map((c) => rows.get(c)!)];
        sections.push(renderDetails(`Measured on this commit (${count(shown.length)} comparisons)`, table.join('\n')), '');
      }
      return [...sections, footer, ''].join('\n');
    }
    sections.push(gate, '', counts, '');
    const alert = renderMismatchAlert(report);
    if (alert !== null) sections.push(alert, '');
    const shardsAlert = renderShardsAlert(report);
    if (shardsAlert !== null) sections.push(shardsAlert, '');
    for (const note of fold) sections.push(note, '');
    const changed = shown.filter((comparison) => comparison.verdict !== 'unchanged');
    const unchanged = shown.filter((comparison) => comparison.verdict === 'unchanged');
    if (changed.length > 0) {
      sections.push(TABLE_HEADER(level));
      for (const c of changed) sections.push(rows.get(c)!);
      sections.push('');
      const changedNotes = changed.flatMap((c) => notes.get(c) ?? []);
      if (changedNotes.length > 0) {
        for (const note of changedNotes) sections.push(note);
        sections.push('');
      }
      const chart = renderChart(changed, level, { maxPoints: layout.maxChartPoints });
      if (chart !== '') sections.push(chart, '');
    }
    if (unchanged.length > 0) {
      const unchangedNotes = unchanged.flatMap((c) => notes.get(c) ?? []);
      const body = [TABLE_HEADER(level), ...unchanged.map((c) => rows.get(c)!)].join('\n');
      const withNotes = unchangedNotes.length > 0 ? `${body}\n\n${unchangedNotes.join('\n')}` : body;
      sections.push(renderDetails(`${count(unchanged.length)} unchanged ${unchanged.length === 1 ? 'comparison' : 'comparisons'}`, withNotes), '');
    }
    return [...sections, footer, ''].join('\n');
  };

  const order = report.baseline === null ? [...displayed].reverse() : sortForFolding(report.comparisons);
  const fits = (folded: number) => {
    const text = assemble(new Set(order.slice(0, folded)));
    return layout.measure(text) <= layout.maxSize ? text : null;
  };
  const whole = fits(0);
  if (whole !== null) return whole;
  let low = 1;
  let high = order.length;
  let best = fits(high);
  if (best === null) return cutToSize(assemble(new Set(order)), layout);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const text = fits(middle);
    if (text === null) low = middle + 1;
    else {
      best = text;
      high = middle;
    }
  }
  return best;
}

/** Last resort when even the report without rows is too large: cut, and say so. */
function cutToSize(text: string, layout: MarkdownLayout): string {
  const tail = `\n\n… cut to stay under ${layout.limitName}.\n`;
  let end = Math.min(text.length, layout.maxSize);
  while (end > 0 && layout.measure(text.slice(0, end) + tail) > layout.maxSize) end = Math.floor(end * 0.9);
  const cut = text.slice(0, end);
  const lineEnd = cut.lastIndexOf('\n');
  return `${lineEnd > 0 ? cut.slice(0, lineEnd) : cut}${tail}`;
}
