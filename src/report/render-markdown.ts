import { diffFingerprints } from '../compare/fingerprint.ts';
import { changeOf, type Comparison, type Report } from '../compare/schema.ts';
import { describeChange } from './describe-change.ts';
import { countBenchmarks, describeHeadline, nameComparison, plural, VERDICT_ICONS } from './describe-headline.ts';
import { describeDifference, describeFlagShort, describeGate, describeReason, FLAG_LEGEND, FLAG_NAMES, isUnresolvedAcrossJobs } from './describe-reason.ts';
import { escapeLinkTarget, escapeMarkdown, renderCodeBlock, truncateText } from './escape-markdown.ts';
import { formatCount, formatFraction, formatValue } from './format-value.ts';
import { fitToSize, type SizeLimit } from './fit-to-size.ts';
import { renderFooter } from './render-footer.ts';
import { renderForestPlot } from './render-forest-plot.ts';
import { sortForDisplay, sortForFolding } from './sort-comparisons.ts';
import { describeShardProblems } from './describe-shard-problems.ts';

/** How one markdown rendering is laid out and how large it may be. */
export interface MarkdownLayout extends SizeLimit {
  /** The hidden first line (the sticky comment's marker), or null for none. */
  marker: string | null;
  /** Where the full list can be read, named exactly in the note when rows are left out. */
  fullReportHint: string;
  /** The most rows of the forest plot. */
  maxPlotRows: number;
  /** List diagnostics (not gated) that did not change, rather than only counting them. */
  listUnchangedDiagnostics: boolean;
  /** A paragraph after the headline (markdown, already escaped), e.g. what a push was compared with; null for none. */
  intro?: string | null;
  /** Benchmark id → the page of its history (the published dashboard), linked beside each gated regression. */
  links?: ReadonlyMap<string, string>;
}

const NAME_LENGTH = 120;
const SHORT_LENGTH = 60;
const TEXT_LENGTH = 300;
const MAX_GATE_LINES = 5;

/** Escapes a string from results after capping its length, so one huge name cannot fill the comment. */
function md(text: string, max = TEXT_LENGTH): string {
  return escapeMarkdown(truncateText(text, max));
}

function nameCell(comparison: Comparison, report: Report): string {
  return nameComparison(comparison, report, (text) => md(text, text === comparison.id ? NAME_LENGTH : SHORT_LENGTH));
}

function value(side: Comparison['baseline'], unit: string): string {
  return side === null || side.center === null ? '—' : md(formatValue(side.center, truncateText(unit, 20)));
}

/** `1.91 → 2.43 ms`: the unit once when both values have it. */
function valuesCell(comparison: Comparison): string {
  if (comparison.baseline === null) return `new: ${value(comparison.current, comparison.unit)}`;
  if (comparison.current === null) return `${value(comparison.baseline, comparison.unit)} → —`;
  const before = value(comparison.baseline, comparison.unit);
  const after = value(comparison.current, comparison.unit);
  const unit = / [^ ]+$/.exec(before)?.[0];
  if (unit !== undefined && after.endsWith(unit) && /\d/.test(before.slice(0, -unit.length))) return `${before.slice(0, -unit.length)} → ${after}`;
  return `${before} → ${after}`;
}

function changeCell(comparison: Comparison, strong: boolean): string {
  const words = describeChange(comparison);
  if (words === null) return '—';
  const subject = words.subject === 'throughput' ? 'throughput' : md(words.subject, SHORT_LENGTH);
  const shown = strong ? `**${words.value}**` : words.value;
  return `${shown} ${subject}${words.interval === null ? '' : `<br><sub>${words.interval}</sub>`}`;
}

/**
 * The verdict as shown: gated comparisons by their verdict; a metric that is not gated is a
 * diagnostic whose better direction is not asserted, so a significant move reads "higher" or
 * "lower", never "improved" or "regressed".
 */
function verdictCell(comparison: Comparison): string {
  if (!comparison.gate && (comparison.verdict === 'regressed' || comparison.verdict === 'improved')) {
    const ratio = changeOf(comparison)?.ratio ?? (comparison.current?.center ?? 0) - (comparison.baseline?.center ?? 0) + 1;
    return ratio >= 1 ? '↑ higher' : '↓ lower';
  }
  return `${VERDICT_ICONS[comparison.verdict]} ${comparison.verdict}`;
}

const TABLE_HEAD = (level: number) => `| Benchmark | Baseline → current | Change (${formatFraction(level)} CI) | Verdict |\n|---|--:|--:|---|`;

/** The history link of a gated regression, when the layout has one for its benchmark. */
function historyLink(comparison: Comparison, links: ReadonlyMap<string, string> | undefined): string {
  const url = comparison.gate && comparison.verdict === 'regressed' ? links?.get(comparison.id) : undefined;
  return url === undefined ? '' : `<br><sub>[history](${escapeLinkTarget(url)})</sub>`;
}

function row(comparison: Comparison, report: Report, links?: ReadonlyMap<string, string>): string {
  const strong = comparison.gate && (comparison.verdict === 'regressed' || comparison.verdict === 'improved');
  const name = nameCell(comparison, report) + historyLink(comparison, links);
  return `| ${[name, valuesCell(comparison), changeCell(comparison, strong), verdictCell(comparison)].join(' | ')} |`;
}

function table(comparisons: readonly Comparison[], report: Report, links?: ReadonlyMap<string, string>): string {
  return [TABLE_HEAD(report.settings.confidence), ...comparisons.map((comparison) => row(comparison, report, links))].join('\n');
}

/** Unchanged rows: the verdict is the section's title and the intervals are in the plot and the report JSON. */
function compactTable(comparisons: readonly Comparison[], report: Report): string {
  const rows = comparisons.map((c) => {
    const words = describeChange(c);
    const change = words === null ? '—' : `${words.value}${words.subject === 'throughput' ? '' : ` ${md(words.subject, SHORT_LENGTH)}`}`;
    return `| ${nameCell(c, report)} | ${valuesCell(c)} | ${change} |`;
  });
  return ['| Benchmark | Baseline → current | Change |', '|---|--:|--:|', ...rows].join('\n');
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function reasonLine(comparison: Comparison, report: Report): string {
  return `- ${VERDICT_ICONS[comparison.verdict]} **${nameCell(comparison, report)}**: ${md(describeReason(comparison, { tool: report.current.tool }))}`;
}

function renderCounts(report: Report): string {
  const gated = report.comparisons.filter((comparison) => comparison.gate);
  const counts = (['regressed', 'improved', 'inconclusive', 'errored', 'missing', 'new', 'unchanged'] as const)
    .filter((verdict) => report.summary.gated[verdict] > 0)
    .map((verdict) => `${formatCount(report.summary.gated[verdict])} ${verdict}`);
  const diagnostics = report.comparisons.length - gated.length;
  const extra = diagnostics > 0 ? ` Not counted here: ${plural(diagnostics, 'diagnostic')} (metrics that are not gated).` : '';
  return `${plural(gated.length, 'gated comparison')} of ${plural(countBenchmarks(gated), 'benchmark')} in set **${md(report.benchmarkSet, SHORT_LENGTH)}**${counts.length > 0 ? `: ${counts.join(', ')}` : ''}.${extra}`;
}

function renderWarnings(report: Report): string | null {
  const lines: string[] = [];
  const { warnings } = describeGate(report, (text) => md(text, NAME_LENGTH));
  for (const warning of warnings.slice(0, MAX_GATE_LINES)) lines.push(warning);
  if (report.baseline !== null) {
    const differ = diffFingerprints(report.baseline.environment, report.current.environment, report.settings.fingerprintMismatch);
    if (differ.length > 0) {
      lines.push(
        `Measured on different machines (${differ.map((d) => md(describeDifference(d), 2 * SHORT_LENGTH)).join(', ')}): part of any change may be the machine, not the code.`,
      );
    }
  }
  if (lines.length === 0) return null;
  return `> [!WARNING]\n${lines.map((line) => `> ${line}`).join('\n>\n')}`;
}

/** Data-quality notes: what each flag means once, then one line per benchmark. */
function renderQualityNotes(comparisons: readonly Comparison[], report: Report): string | null {
  const byBenchmark = new Map<string, string[]>();
  const kinds = new Set<keyof typeof FLAG_NAMES>();
  for (const comparison of comparisons) {
    if (comparison.flags.length === 0) continue;
    const notes = byBenchmark.get(comparison.id) ?? [];
    const prefix = report.comparisons.filter((other) => other.id === comparison.id).length > 1 ? `${md(comparison.metric, SHORT_LENGTH)}: ` : '';
    for (const flag of comparison.flags) {
      kinds.add(flag.kind);
      const note = `${prefix}${md(describeFlagShort(flag, comparison))}`;
      if (!notes.includes(note)) notes.push(note);
    }
    byBenchmark.set(comparison.id, notes);
  }
  if (byBenchmark.size === 0) return null;
  const legend = [...kinds].map((kind) => `*${FLAG_NAMES[kind]}*: ${FLAG_LEGEND[kind]}.`).join(' ');
  const lines = [...byBenchmark].map(([id, notes]) => `- **${md(id, NAME_LENGTH)}**: ${notes.join('; ')}`);
  return details(`Data-quality notes (${plural(byBenchmark.size, 'benchmark')})`, `${legend}\n\n${lines.join('\n')}`);
}

function renderPlot(report: Report, maxRows: number): string | null {
  const gated = report.comparisons.filter((comparison) => comparison.gate);
  const plot = renderForestPlot(gated, report.settings.threshold, { maxRows, level: report.settings.confidence });
  if (plot === '') return null;
  return `**Change per gated comparison**\n\n${renderCodeBlock(plot)}`;
}

function renderFoldNote(folded: number, total: number, layout: MarkdownLayout, firstRun: boolean): string {
  const which = firstRun ? 'the end of the list' : 'diagnostics and unchanged ones first, then the smallest changes';
  return `> [!NOTE]\n> ${formatCount(folded)} of ${formatCount(total)} comparisons are not listed here, to stay under ${layout.limitName} (${which}). ${layout.fullReportHint}`;
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
    ...(lines.length > SHARD_LINES ? [`> - and ${formatCount(lines.length - SHARD_LINES)} more`] : []),
  ];
  const blocks: string[] = [];
  if (shards.problems.length > 0) {
    blocks.push(
      [
        '> [!CAUTION]',
        `> Only ${formatCount(shards.merged.length)} of the ${formatCount(shards.count)} shards were merged, so these results are partial: the check fails and nothing was stored.`,
        ...listed(describeShardProblems(shards.problems, shards.count)),
      ].join('\n'),
    );
  }
  if (shards.environments.length > 0 && first !== undefined) {
    blocks.push(
      [
        '> [!WARNING]',
        '> The shards ran on different machines, so benchmarks of different shards are not comparable with each other (each is still compared with its own baseline):',
        ...listed(
          shards.environments.map(
            ({ index, differences }) => `shard ${index} ran on a different machine from shard ${first}: ${differences.map(describeDifference).join(', ')}`,
          ),
        ),
      ].join('\n'),
    );
  }
  return blocks.length === 0 ? null : blocks.join('\n\n');
}

function renderFirstRun(report: Report, shown: readonly Comparison[], fold: string[]): string[] {
  const intro =
    `Nothing is stored for set **${md(report.benchmarkSet, SHORT_LENGTH)}** yet, so nothing was compared and this check has not failed. ` +
    'The baseline is stored by the first push to the default branch that runs benchgate (the branches in `save-on`); ' +
    'from then on each pull request is compared with it here.';
  const sections = [intro, '', ...fold];
  if (shown.length > 0) {
    const rows = shown.map(
      (c) =>
        `| ${nameCell(c, report)} | ${value(c.current, c.unit)} | ${c.current === null ? '—' : formatCount(c.current.runs)} | ${c.current === null || c.current.cv === null ? '—' : formatFraction(Number(c.current.cv.toPrecision(2)))} |`,
    );
    sections.push(
      details(
        `Measured on this commit (${plural(shown.length, 'comparison')})`,
        ['| Benchmark | Current | Runs | CV |', '|---|--:|--:|--:|', ...rows].join('\n'),
      ),
      '',
    );
  }
  return sections;
}

/**
 * Renders the whole report as GitHub markdown within `layout.maxSize`: the decision first, then
 * the gated changes in a table of four columns, the reasons for inconclusive and errored ones,
 * the forest plot, and folded away the unchanged ones, the diagnostics (metrics that are not
 * gated) and the data-quality notes; the footer last. Folds the least important rows until it
 * fits (see `sortForFolding`) and says how many, and where the full list is.
 * @param report the report
 * @param layout marker, size limit and where the full report is
 * @returns markdown
 */
export function renderMarkdown(report: Report, layout: MarkdownLayout): string {
  const headline = describeHeadline(report, (text) => md(text, NAME_LENGTH));
  const head = [
    ...(layout.marker === null ? [] : [layout.marker]),
    `### ${headline.icon} ${headline.text}`,
    '',
    ...(layout.intro == null ? [] : [layout.intro, '']),
  ];
  const footer = `---\n\n${renderFooter(report)}`;
  const displayed = sortForDisplay(report.comparisons);
  const firstRun = report.baseline === null;

  const assemble = (hidden: ReadonlySet<Comparison>): string => {
    const shown = displayed.filter((comparison) => !hidden.has(comparison));
    const fold = hidden.size > 0 ? [renderFoldNote(hidden.size, displayed.length, layout, firstRun), ''] : [];
    const shardsAlert = renderShardsAlert(report);
    const shardLines = shardsAlert === null ? [] : [shardsAlert, ''];
    if (firstRun) return [...head, ...shardLines, ...renderFirstRun(report, shown, fold), footer, ''].join('\n');
    const sections: string[] = [...head, renderCounts(report), ''];
    const warnings = renderWarnings(report);
    if (warnings !== null) sections.push(warnings, '');
    for (const line of shardLines) sections.push(line);
    for (const line of fold) sections.push(line);
    const gated = shown.filter((c) => c.gate);
    const changed = gated.filter((c) => c.verdict !== 'unchanged');
    const unchanged = gated.filter((c) => c.verdict === 'unchanged');
    const diagnostics = shown.filter((c) => !c.gate);
    if (changed.length > 0) {
      sections.push(table(changed, report, layout.links), '');
      const explained = changed.filter((c) => c.verdict === 'inconclusive' || c.verdict === 'errored');
      if (explained.length > 0) sections.push(explained.map((c) => reasonLine(c, report)).join('\n'), '');
    }
    const plot = renderPlot(report, layout.maxPlotRows);
    if (plot !== null) sections.push(plot, '');
    if (unchanged.length > 0) {
      const subject = unchanged.every((c) => describeChange(c)?.subject === 'throughput') ? ' (change: throughput)' : '';
      // a change beyond the threshold that only the job-to-job noise leaves unresolved is named
      // outside the fold, so that "unchanged" is never read as "no change"
      const unresolved = unchanged.filter(isUnresolvedAcrossJobs);
      const beyond = unresolved.length > 0 ? `, ${formatCount(unresolved.length)} of them beyond the threshold but within the job-to-job noise` : '';
      sections.push(details(`${plural(unchanged.length, 'unchanged gated comparison')}${subject}${beyond}`, compactTable(unchanged, report)), '');
      if (unresolved.length > 0) sections.push(unresolved.map((c) => reasonLine(c, report)).join('\n'), '');
    }
    if (diagnostics.length > 0) {
      const listed = layout.listUnchangedDiagnostics ? diagnostics : diagnostics.filter((c) => c.verdict !== 'unchanged');
      const quiet = diagnostics.length - listed.length;
      const explained = listed.filter((c) => c.verdict === 'inconclusive' || c.verdict === 'errored');
      const body = [
        ...(listed.length > 0 ? [table(listed, report)] : []),
        ...(explained.length > 0 ? ['', explained.map((c) => reasonLine(c, report)).join('\n')] : []),
        ...(quiet > 0 ? [`${listed.length > 0 ? '\n' : ''}${plural(quiet, 'other diagnostic')} did not change (listed in the job summary).`] : []),
      ].join('\n');
      const moved = listed.filter((c) => c.verdict !== 'unchanged').length;
      sections.push(
        details(
          `Diagnostics: ${plural(diagnostics.length, 'metric')} that ${diagnostics.length === 1 ? 'is' : 'are'} not gated, ${formatCount(moved)} moved (never fails the check)`,
          body,
        ),
        '',
      );
    }
    const notes = renderQualityNotes(shown, report);
    if (notes !== null) sections.push(notes, '');
    return [...sections, footer, ''].join('\n');
  };

  const order = firstRun ? [...displayed].reverse() : sortForFolding(report.comparisons);
  return fitToSize(order, assemble, layout);
}
