import { noiseOf, type Comparison, type Report, type SideInfo } from '../compare/schema.ts';
import { diffFingerprints } from '../compare/fingerprint.ts';
import type { Environment, Observation } from '../results/schema.ts';
import { describeNoise } from './describe-reason.ts';
import { escapeMarkdown, renderCodeBlock, truncateText } from './escape-markdown.ts';
import { formatCount, formatFraction } from './format-value.ts';

const FIELD_LABELS = { cpuModel: 'CPU', cores: 'cores', node: 'Node' } as const;

/** The longest line of the reproduce command before it is wrapped (fits a 900 px comment). */
export const REPRODUCE_LINE_LENGTH = 78;

function md(text: string, max = 300): string {
  return escapeMarkdown(truncateText(text, max));
}

function shortCommit(commit: string): string {
  return /^[0-9a-f]{40}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

/** `2026-11-20T09:14:03.000Z` → `2026-11-20 09:14 UTC`; anything else is kept as it is. */
function formatDate(date: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d(\.\d+)?)?Z$/.exec(date);
  return match ? `${match[1]} ${match[2]} UTC` : date;
}

/**
 * One environment in a few words: CPU, cores, OS, arch, Node, runner image.
 * @param environment a side's environment
 */
export function describeEnvironment(environment: Environment): string {
  const image = environment.runnerImage === null ? '' : ` · image ${environment.runnerImage}`;
  return `${environment.cpuModel} ×${environment.cores} · ${environment.os} ${environment.arch} · Node ${environment.node}${image}`;
}

function describeSide(side: SideInfo, commit: string | null, date: string): string {
  const shown = commit === null ? 'unknown commit' : md(shortCommit(commit), 60);
  const ref = side.ref === null ? '' : ` (${md(side.ref, 60)})`;
  const tool = side.tool === 'benchgate' ? '' : `, results from ${md(side.tool, 60)}`;
  return `${shown}${ref}, measured ${md(formatDate(date), 60)}${tool}`;
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

function describeRange(values: readonly number[]): string {
  if (values.length === 0) return 'none';
  const low = values.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const high = values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}`;
}

/** Whether the report compared base and head within one job (the same-runner design), not across jobs. */
function isSameRunner(report: Report): boolean {
  if (report.baselineChoice?.method === 'same-runner') return true;
  const tested = report.comparisons.filter((comparison) => comparison.baseline !== null && comparison.current !== null);
  return tested.length > 0 && tested.every((comparison) => comparison.design === 'paired');
}

function describeRuns(report: Report): string {
  if (isSameRunner(report)) {
    const rounds = report.comparisons.flatMap((comparison) => (comparison.current ? [comparison.current.runs] : []));
    const kinds = new Set(report.comparisons.flatMap((comparison) => (comparison.current ? [comparison.current.observation] : [])));
    const each = kinds.size === 1 && kinds.has('process') ? ', one fresh process per side in each round' : '';
    return `${describeRange(rounds)} interleaved rounds of base and current on this one runner${each}`;
  }
  const kinds = new Set<Observation>();
  const sides = (['baseline', 'current'] as const).map((side) => {
    const summaries = report.comparisons.flatMap((comparison) => (comparison[side] ? [comparison[side]] : []));
    for (const summary of summaries) kinds.add(summary.observation);
    return `${describeRange(summaries.map((summary) => summary.runs))} ${side}`;
  });
  const shown = report.baseline === null ? sides[1]! : sides.join(', ');
  const observations = [...kinds].sort().map(describeObservation);
  return observations.length === 0 ? shown : `${shown} (${observations.join('; ')})`;
}

/**
 * The noise models that decided the comparisons, with how many each decided; the settings' floor
 * and history minimum only when a comparison used the floor.
 * @param report the report
 */
export function describeNoiseModels(report: Report): string {
  const tested = report.comparisons.flatMap((comparison) => {
    const noise = noiseOf(comparison);
    return noise === null ? [] : [noise];
  });
  if (tested.length === 0) return 'no comparison was tested';
  const groups = new Map<string, number>();
  const withinOneJob = isSameRunner(report);
  for (const noise of tested) {
    const text =
      withinOneJob && noise.model === 'within-job'
        ? 'within one job (base and current measured in interleaved rounds on the same runner: no job-to-job term; tested on the round-by-round differences)'
        : noise.model === 'history'
          ? `job-to-job noise from ${formatCount(noise.jobs)} stored jobs`
          : noise.model === 'prior-floor'
            ? `an assumed ${formatFraction(noise.sd)} job-to-job noise floor (fewer than ${formatCount(report.settings.minHistoryJobs)} stored jobs of history)`
            : describeNoise(noise);
    groups.set(text, (groups.get(text) ?? 0) + 1);
  }
  if (groups.size === 1)
    return `${[...groups.keys()][0]!} for ${tested.length === 1 ? 'the tested comparison' : `all ${formatCount(tested.length)} tested comparisons`}`;
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .map(([text, n]) => `${text} (${formatCount(n)})`)
    .join('; ');
}

function describeOverrides(report: Report, field: 'threshold' | 'alpha'): string {
  const others = report.comparisons.filter((comparison) => comparison[field] !== report.settings[field]);
  if (others.length === 0) return '';
  const values = [...new Set(others.map((comparison) => comparison[field]))].sort((a, b) => a - b);
  const shown = values.slice(0, 5).map((value) => (field === 'threshold' ? formatFraction(value) : String(value)));
  return ` (${formatCount(others.length)} ${others.length === 1 ? 'comparison uses' : 'comparisons use'} ${shown.join(', ')}${values.length > 5 ? ', …' : ''})`;
}

/**
 * Wraps a shell command to lines of at most `width` characters where it can: one `&&` step per
 * line, long steps broken before an option with a trailing backslash. Words are never split.
 * @param command the command
 * @param width the longest line wanted
 * @example wrapCommand('a && b', 78) // => 'a &&\nb'
 */
export function wrapCommand(command: string, width = REPRODUCE_LINE_LENGTH): string {
  const steps = command.split(' && ');
  const lines: string[] = [];
  steps.forEach((step, index) => {
    const last = index === steps.length - 1;
    const words = step.split(' ');
    let line = '';
    const stepLines: string[] = [];
    for (const word of words) {
      if (line !== '' && line.length + 1 + word.length > width - 2 && word.startsWith('-')) {
        stepLines.push(`${line} \\`);
        line = `  ${word}`;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    stepLines.push(last ? line : `${line} &&`);
    for (const stepLine of stepLines) lines.push(stepLine);
  });
  return lines.join('\n');
}

/**
 * The footer: baseline, current, environment, runs per side, noise model, thresholds and the
 * command that reproduces the comparison, in plain words that agree with each other (the noise
 * model is read from the comparisons, not from the settings).
 * @param report the report
 * @returns markdown
 */
export function renderFooter(report: Report): string {
  const lines: string[] = [];
  const { baseline, baselineChoice, current, settings } = report;
  if (baseline !== null) {
    const commit = baselineChoice?.commit ?? baseline.commit;
    const date = baselineChoice?.date ?? baseline.createdAt;
    const how = baselineChoice === null ? 'given on the command line' : md(baselineChoice.description);
    lines.push(`- **Baseline:** ${describeSide(baseline, commit, date)}: ${how}`);
  }
  lines.push(`- **Current:** ${describeSide(current, current.commit, current.createdAt)}`);
  if (baseline === null) {
    lines.push(`- **Environment:** ${md(describeEnvironment(current.environment))}`);
  } else {
    const same = describeEnvironment(baseline.environment) === describeEnvironment(current.environment);
    const differ = diffFingerprints(baseline.environment, current.environment, settings.fingerprintMismatch);
    if (same) lines.push(`- **Environment:** ${md(describeEnvironment(current.environment))}, the same on both sides`);
    else {
      lines.push(`- **Environment:** baseline ${md(describeEnvironment(baseline.environment))}; current ${md(describeEnvironment(current.environment))}`);
      lines.push(
        differ.length > 0
          ? `- ⚠️ **Different machines** (${differ.map((d) => FIELD_LABELS[d.field]).join(', ')} differ): part of any change may be the machine, not the code.`
          : '- They differ only in what benchgate does not count as another machine (OS, arch, runner image, Node minor), or `fingerprint-mismatch` is `ignore`.',
      );
    }
  }
  lines.push(`- **${isSameRunner(report) ? 'Rounds' : 'Runs per side'}:** ${describeRuns(report)}`);
  if (baseline !== null) {
    lines.push(`- **Noise model:** ${describeNoiseModels(report)}`);
    const gated = report.comparisons.filter((comparison: Comparison) => comparison.gate).length;
    lines.push(
      `- **Thresholds:** regression = throughput loss ≥ ${formatFraction(settings.threshold)}${describeOverrides(report, 'threshold')} ` +
        `(other metrics: the same factor), significant at alpha ${settings.alpha}${describeOverrides(report, 'alpha')} ` +
        `Holm-adjusted over ${formatCount(gated)} gated; ` +
        `${formatFraction(settings.confidence)} ${settings.interval === 'hodges-lehmann' ? 'Hodges–Lehmann' : 'bootstrap'} intervals; fail-on: ${settings.failOn}`,
    );
  }
  lines.push('- **Reproduce:**', '', renderCodeBlock(wrapCommand(truncateText(report.reproduce, 2000)), 'sh'));
  return lines.join('\n');
}
