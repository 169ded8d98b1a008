#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  CompareConfigError,
  ConfigError,
  FormatError,
  RunnerError,
  buildConfig,
  buildReport,
  collectEnvironment,
  describeHeadline,
  diffEnvironments,
  formatFraction,
  formatP,
  formatPercent,
  formatPercentInterval,
  formatValue,
  loadResults,
  measure,
  median,
  sanitizeText,
  shellWord,
  sortForDisplay,
  truncateText,
  writeReportFiles,
  writeResults
} from "./chunks/chunk-Q47HRYEN.js";
import "./chunks/chunk-JOY4VXPJ.js";

// src/cli.ts
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import path2 from "node:path";
import { pathToFileURL } from "node:url";

// src/compare-command.ts
import path from "node:path";

// src/report/render-text-table.ts
function text(value, max = 80) {
  return sanitizeText(truncateText(value, max));
}
function center(side, unit) {
  return side === null || side.center === null ? "-" : text(formatValue(side.center, unit));
}
function adjustedP(comparison) {
  if (comparison.p === null) return "-";
  const worse = (comparison.change?.throughput ?? 0) < 0;
  return formatP(worse ? comparison.p.worseAdjusted : comparison.p.betterAdjusted);
}
function renderTextTable(report) {
  const headline = describeHeadline(report, (value) => text(value)).map((part) => part.text).join("; ");
  const level = formatFraction(report.settings.confidence);
  const header = ["benchmark", "metric", "baseline", "current", "throughput", "metric chg", `${level} CI (throughput)`, "p (Holm)", "verdict"];
  const rows = sortForDisplay(report.comparisons).map((comparison) => [
    text(comparison.id),
    text(comparison.metric, 40),
    center(comparison.baseline, comparison.unit),
    center(comparison.current, comparison.unit),
    comparison.change ? formatPercent(comparison.change.throughput) : "-",
    comparison.change ? formatPercent(comparison.change.metric) : "-",
    comparison.interval ? formatPercentInterval(comparison.interval.throughput) : "-",
    adjustedP(comparison),
    `${comparison.verdict}${comparison.gate ? "" : " (not gated)"}`
  ]);
  const right = /* @__PURE__ */ new Set([2, 3, 4, 5, 6, 7]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => Array.from(row[column]).length)));
  const pad = (cell, column) => {
    const fill = " ".repeat(widths[column] - Array.from(cell).length);
    return right.has(column) ? fill + cell : cell + fill;
  };
  const line = (row) => row.map(pad).join("  ").trimEnd();
  const lines = [`benchgate \xB7 ${text(report.benchmarkSet)}: ${headline}`, ""];
  lines.push(line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line), "");
  for (const comparison of report.comparisons) {
    if (comparison.verdict === "inconclusive" || comparison.verdict === "errored") {
      const { runsNeeded } = comparison;
      const settle = runsNeeded === null || comparison.reason.includes(`${runsNeeded} runs`) ? "" : ` (about ${runsNeeded} runs per side would settle it)`;
      const error = comparison.error === void 0 || comparison.reason.includes(comparison.error.message) ? "" : ` (${comparison.error.side} side: ${text(comparison.error.message, 300)})`;
      lines.push(`${comparison.verdict}: ${text(comparison.id)} ${text(comparison.metric, 40)}: ${text(comparison.reason, 300)}${settle}${error}`);
    }
  }
  if (report.baseline === null) {
    lines.push("baseline: none yet (it is stored on the first push to the default branch); nothing was compared");
  } else {
    const how = report.baselineChoice === null ? "given on the command line" : text(report.baselineChoice.description, 300);
    lines.push(`baseline: ${text(report.baseline.commit ?? "unknown commit")} (${how})`);
    const differ = diffEnvironments(report.baseline.environment, report.current.environment);
    if (differ.length > 0) lines.push(`warning: environments differ in ${differ.join(", ")}`);
  }
  lines.push(
    `thresholds: alpha ${report.settings.alpha} (Holm-adjusted), threshold ${formatFraction(report.settings.threshold)}, ${level} ${report.settings.interval} intervals, seed ${report.settings.seed}`
  );
  const reasons = report.gate.reasons.map((reason) => text(reason, 300));
  for (const warning of report.gate.warnings ?? []) lines.push(`warning: ${text(warning, 300)}`);
  lines.push(report.gate.failed ? `gate: FAILED${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}` : "gate: passed");
  return lines.join("\n");
}

// src/compare-command.ts
async function compareCommand(baselineFile, currentFile, config, cwd) {
  const environment = collectEnvironment({});
  const baseline = await loadResults(path.resolve(cwd, baselineFile), config.tool, environment);
  const current = await loadResults(path.resolve(cwd, currentFile), config.tool, environment);
  const words = ["npx", "benchgate", "compare", baselineFile, currentFile, "--threshold", `${config.threshold * 100}%`, "--alpha", String(config.alpha), "--seed", String(config.seed)];
  if (config.tool !== "benchgate") words.push("--tool", config.tool);
  if (config.configFile) words.push("--config", config.configFile);
  const report = await buildReport(config, {
    baseline,
    baselineChoice: {
      method: "explicit",
      commit: baseline.commit,
      date: baseline.createdAt,
      branch: null,
      description: `the file ${baselineFile}, given on the command line`,
      historyRuns: 0
    },
    history: [],
    current,
    reproduce: words.map(shellWord).join(" ")
  });
  await writeReportFiles(report, config.reportJson, config.reportMarkdown);
  console.log(renderTextTable(report));
  console.log(`
wrote ${config.reportJson} and ${config.reportMarkdown}`);
  return report.comparisons.some((c) => c.verdict === "regressed" && c.gate) ? 1 : 0;
}

// src/config/parse-cli-args.ts
import { parseArgs } from "node:util";
var FLAGS = {
  run: ["suites", "runs", "time", "warmup-time", "filter", "out", "seed", "run-timeout", "retain-samples"],
  compare: ["threshold", "alpha", "config", "json", "markdown", "seed", "tool", "interval", "fail-on", "benchmark-set"]
};
var INPUT_NAME = { out: "output", json: "report-json", markdown: "report-markdown" };
function parseCliArgs(argv) {
  const [command, ...rest] = argv;
  if (command === void 0 || command === "help" || command === "--help" || command === "-h") {
    return { command: "help", positionals: [], input: () => "" };
  }
  if (command !== "run" && command !== "compare") {
    throw new ConfigError(`unknown command '${command}'; use 'benchgate run' or 'benchgate compare'`);
  }
  const options = Object.fromEntries(
    FLAGS[command].map((flag) => [flag, flag === "retain-samples" ? { type: "boolean" } : { type: "string" }])
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError(`benchgate ${command}: ${error.message}`);
  }
  const values = parsed.values;
  const byInput = /* @__PURE__ */ new Map();
  for (const [flag, value] of Object.entries(values)) {
    if (value !== void 0) byInput.set(INPUT_NAME[flag] ?? flag, String(value));
  }
  if (command === "compare" && parsed.positionals.length !== 2) {
    throw new ConfigError(`benchgate compare takes two paths, <baseline> <current>; got ${parsed.positionals.length}`);
  }
  if (command === "run" && parsed.positionals.length > 0) {
    throw new ConfigError(`benchgate run takes no positional arguments; got '${parsed.positionals.join(" ")}'`);
  }
  if (command === "compare" && !byInput.has("tool")) byInput.set("tool", "auto");
  return { command, positionals: parsed.positionals, input: (name) => byInput.get(name) ?? "" };
}

// src/report/render-results-table.ts
function spread(runs) {
  if (runs.length < 2) return "\u2014";
  const low = Math.min(...runs);
  const high = Math.max(...runs);
  const center2 = median([...runs]);
  return center2 === 0 ? "\xB10.0%" : `\xB1${(50 * (high - low) / center2).toFixed(1)}%`;
}
function renderResultsTable(results) {
  const header = ["benchmark", "p50 (median of runs)", "run spread", "runs", "other metrics"];
  const rows = results.benchmarks.map((benchmark) => {
    const p50 = benchmark.metrics.find((m) => m.name === "latency-p50");
    const others = benchmark.metrics.filter((m) => m.gate && m.name !== "latency-p50" && m.runs.length > 0).map((m) => `${m.name} ${formatValue(median([...m.runs]), m.unit)}`).join(", ");
    const state = benchmark.state === "errored" ? `ERRORED: ${benchmark.error}` : others;
    return [
      benchmark.id,
      p50 && p50.runs.length > 0 ? formatValue(median([...p50.runs]), p50.unit) : "\u2014",
      p50 ? spread(p50.runs) : "\u2014",
      String(p50?.runs.length ?? 0),
      state
    ];
  });
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => column === row.length - 1 ? cell : cell.padEnd(widths[column])).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

// src/runner/describe-checkout.ts
import { execFileSync } from "node:child_process";
function describeCheckout(cwd, env) {
  const git = (...args) => {
    try {
      return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
    } catch {
      return null;
    }
  };
  return {
    commit: env.GITHUB_SHA || git("rev-parse", "HEAD"),
    ref: env.GITHUB_REF || git("symbolic-ref", "-q", "HEAD")
  };
}

// src/cli.ts
var USAGE = `usage:
  benchgate run [--suites GLOB] [--runs N] [--time MS] [--warmup-time MS] [--filter RE] [--out FILE] [--seed N] [--run-timeout S] [--retain-samples]
  benchgate compare <baseline> <current> [--threshold 5%] [--alpha 0.01] [--config FILE] [--json FILE] [--markdown FILE] [--seed N] [--tool NAME]`;
async function main(argv, cwd, env) {
  try {
    const invocation = parseCliArgs(argv);
    if (invocation.command === "help") {
      console.log(USAGE);
      return 0;
    }
    const inCwd = (file) => path2.resolve(cwd, file);
    const parsed = buildConfig(invocation.input, randomInt(0, 2 ** 31), (file) => existsSync(inCwd(file)));
    const config = {
      ...parsed,
      output: inCwd(parsed.output),
      reportJson: inCwd(parsed.reportJson),
      reportMarkdown: inCwd(parsed.reportMarkdown),
      configFile: parsed.configFile === null ? null : inCwd(parsed.configFile)
    };
    if (invocation.command === "run") {
      const results = await measure(config, {
        cwd,
        env,
        ...describeCheckout(cwd, env),
        environment: collectEnvironment(env),
        log: { info: (message) => console.error(message) }
      });
      await writeResults(config.output, results);
      console.log(renderResultsTable(results));
      console.log(`
wrote ${config.output} \xB7 seed ${config.seed} (reproduce with --seed ${config.seed})`);
      return results.benchmarks.some((b) => b.state === "errored") ? 1 : 0;
    }
    return await compareCommand(invocation.positionals[0], invocation.positionals[1], config, cwd);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CompareConfigError) {
      console.error(`benchgate: ${error.message}
${USAGE}`);
      return 2;
    }
    if (error instanceof FormatError || error instanceof RunnerError) {
      console.error(`benchgate: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.cwd(), process.env);
}
export {
  main
};
