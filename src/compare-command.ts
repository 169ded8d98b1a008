import path from 'node:path';
import type { Config } from './config/config.ts';
import { buildReport, loadResults, shellWord, writeReportFiles } from './pipeline.ts';
import { renderTextTable } from './report/render-text-table.ts';
import { collectEnvironment } from './runner/environment.ts';

/**
 * `benchgate compare <baseline> <current>`: prints a plain-text table, writes the report JSON
 * (and markdown), and returns 1 when any gated comparison regressed, else 0. The two paths are
 * relative to `cwd`; the reproduce command repeats them as given.
 */
export async function compareCommand(baselineFile: string, currentFile: string, config: Config, cwd: string): Promise<number> {
  const environment = collectEnvironment({});
  const baseline = await loadResults(path.resolve(cwd, baselineFile), config.tool, environment);
  const current = await loadResults(path.resolve(cwd, currentFile), config.tool, environment);
  const words = ['npx', 'benchgate', 'compare', baselineFile, currentFile, '--threshold', `${config.threshold * 100}%`, '--alpha', String(config.alpha), '--seed', String(config.seed)];
  if (config.tool !== 'benchgate') words.push('--tool', config.tool);
  if (config.configFile) words.push('--config', config.configFile);
  const report = await buildReport(config, {
    baseline,
    baselineChoice: {
      method: 'explicit',
      commit: baseline.commit,
      date: baseline.createdAt,
      branch: null,
      description: `the file ${baselineFile}, given on the command line`,
      historyRuns: 0,
    },
    history: [],
    current,
    reproduce: words.map(shellWord).join(' '),
  });
  await writeReportFiles(report, config.reportJson, config.reportMarkdown);
  console.log(renderTextTable(report));
  console.log(`\nwrote ${config.reportJson} and ${config.reportMarkdown}`);
  return report.comparisons.some((c) => c.verdict === 'regressed' && c.gate) ? 1 : 0;
}
