#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  BaseUnusableError,
  CompareConfigError,
  ConfigError,
  DEFAULT_DETECT_OPTIONS,
  RunnerError,
  analyzeHistory,
  buildConfig,
  buildSite,
  checkoutDataBranch,
  collectEnvironment,
  compareFiles,
  describeChange,
  describeDifference,
  describeEnvironment,
  describeFlagShort,
  describeGate,
  describeHeadline,
  describeNoiseModels,
  describeReason,
  describeShardProblems,
  diffFingerprints,
  findInput,
  formatFraction,
  formatValue,
  gateExitCode,
  isUnresolvedAcrossJobs,
  measureAndComparePaired,
  median,
  mergeShards,
  nameComparison,
  readDataFolder,
  readResults,
  renderForestPlot,
  renderHistoryText,
  runAndWrite,
  runGit,
  sanitizeText,
  sortForDisplay,
  truncateText,
  withShardIdentity,
  writeReportFiles,
  writeResults
} from "./chunks/chunk-A4HBYCFC.js";
import {
  FormatError
} from "./chunks/chunk-YIMTSNXO.js";

// src/cli.ts
import { randomInt } from "node:crypto";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

// package.json
var package_default = {
  name: "benchgate",
  version: "0.1.0",
  description: "A GitHub Action and CLI that benchmarks in fresh processes, compares against a stored baseline with honest statistics, comments on the pull request and gates the merge.",
  type: "module",
  license: "MIT",
  bin: {
    benchgate: "bin/benchgate.js"
  },
  engines: {
    node: ">=24"
  },
  scripts: {
    bench: "node src/cli.ts run",
    build: "node scripts/build.ts",
    gen: "node scripts/gen.ts",
    lint: "biome check .",
    typecheck: "tsc --noEmit",
    test: "node scripts/test.ts",
    benchgate: "node src/cli.ts",
    "render-comments": "node scripts/render-comments.ts"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "simple-statistics": "^7.12.1",
    tinybench: "^6.2.3",
    uplot: "^1.6.32",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@biomejs/biome": "^2.6.8",
    "@octokit/openapi": "^23.0.2",
    "@types/node": "^24.19.2",
    esbuild: "^0.28.2",
    "fast-check": "^4.10.2",
    micromark: "^4.0.3",
    "micromark-extension-gfm": "^3.0.0",
    mitata: "^1.0.34",
    node: "^24.21.0",
    "playwright-core": "^1.65.1",
    typescript: "~5.9",
    vitest: "^4.1.12"
  },
  files: [
    "action.yml",
    "bin",
    "dist"
  ]
};

// src/cli-command.ts
import { parseArgs } from "node:util";
import path from "node:path";
var UsageError = class extends ConfigError {
  name = "UsageError";
  /** The command whose usage to print; null for the top-level usage. */
  command;
  constructor(message, command) {
    super(message);
    this.command = command;
  }
};
function flagEntries(command) {
  return command.flags.map((name) => {
    const entry = findInput(name);
    if (entry === void 0 || entry.name !== name || entry.surface === "action") {
      throw new Error(`command '${command.name}' names the flag '--${name}', which is not a CLI input of the config schema`);
    }
    return entry;
  });
}
function parseCommandLine(argv, commands) {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v" || name === "version") return { kind: "version" };
  if (name === void 0 || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" && rest[0] !== void 0 ? commands.find((c) => c.name === rest[0]) : void 0;
    return { kind: "help", command: topic ?? null };
  }
  const command = commands.find((c) => c.name === name);
  if (command === void 0) {
    throw new UsageError(`unknown command '${name}'; the commands are ${commands.map((c) => c.name).join(", ")}`, null);
  }
  if (rest.includes("--help") || rest.includes("-h")) return { kind: "help", command };
  if (rest.includes("--version")) return { kind: "version" };
  if (command.runArgs) return { kind: "raw", command, args: rest };
  const entries = flagEntries(command);
  const options = {};
  const inputOf = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    for (const flag of [entry.name, ...entry.aliases ?? []]) {
      options[flag] = { type: entry.switch ? "boolean" : "string", ...entry.multiple ? { multiple: true } : {} };
      inputOf.set(flag, entry.name);
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, command), command);
  }
  const byInput = new Map(Object.entries(command.defaults ?? {}));
  for (const [flag, value] of Object.entries(parsed.values)) {
    if (value === void 0) continue;
    byInput.set(inputOf.get(flag), Array.isArray(value) ? value.join("\n") : String(value));
  }
  const variadic = command.positionals.at(-1)?.endsWith("...") ?? false;
  const wanted = variadic ? Number.POSITIVE_INFINITY : command.positionals.length;
  const required = command.positionals.filter((positional) => !positional.startsWith("[")).length;
  if (parsed.positionals.length < required || parsed.positionals.length > wanted) {
    const count = variadic ? `${required} or more` : required === wanted ? `${wanted}` : `${required} to ${wanted}`;
    const what = wanted === 0 ? "no arguments" : `${count} argument${wanted > 1 ? "s" : ""}, ${command.positionals.join(" ")}`;
    throw new UsageError(
      `'benchgate ${command.name}' takes ${what}; got ${parsed.positionals.length === 0 ? "none" : `'${parsed.positionals.join(" ")}'`}`,
      command
    );
  }
  return { kind: "command", command, positionals: parsed.positionals, input: (input) => byInput.get(input) ?? "" };
}
function describeParseError(error, command) {
  const { code, message } = error;
  const option = /'(-{1,2}[^'\s]+)/.exec(message ?? "")?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `unknown flag '${option}' for 'benchgate ${command.name}'`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) return `flag '${option}' needs a value`;
  return `'benchgate ${command.name}': ${message ?? String(error)}`;
}
function buildCliConfig(input, cwd, randomSeed, fileExists) {
  const inCwd = (file) => path.resolve(cwd, file);
  const parsed = buildConfig(input, randomSeed, (file) => fileExists(inCwd(file)));
  return {
    ...parsed,
    output: inCwd(parsed.output),
    reportJson: inCwd(parsed.reportJson),
    reportMarkdown: inCwd(parsed.reportMarkdown),
    configFile: parsed.configFile === null ? null : inCwd(parsed.configFile),
    history: parsed.history.map(inCwd)
  };
}
function flagLabel(entry) {
  const value = entry.switch ? "" : ` ${entry.placeholder ?? "VALUE"}`;
  return `--${entry.name}${value}`;
}
function renderUsage(command) {
  return ["benchgate", command.name, ...command.positionals, command.flags.length > 0 ? "[flags]" : ""].filter(Boolean).join(" ");
}
function renderCommandHelp(command) {
  if (command.usage !== void 0) {
    const notes = command.notes && command.notes.length > 0 ? ["", ...command.notes] : [];
    return [`usage: ${command.usage}`, "", command.summary, ...notes].join("\n");
  }
  const entries = flagEntries(command);
  const labels = entries.map(flagLabel);
  const width = labels.reduce((widest, label) => Math.max(widest, label.length), "-h, --help".length) + 2;
  const lines = [`usage: ${renderUsage(command)}`, "", command.summary, "", "flags:"];
  for (const [index, entry] of entries.entries()) {
    const fallback = command.defaults?.[entry.name] ?? entry.default;
    const notes = [fallback === "" ? "" : `default: ${fallback}`, ...(entry.aliases ?? []).map((alias) => `also --${alias}`)].filter(Boolean);
    lines.push(`  ${labels[index].padEnd(width)}${entry.description}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`);
  }
  lines.push(`  ${"-h, --help".padEnd(width)}Show this help.`);
  if (command.notes && command.notes.length > 0) {
    lines.push("");
    for (const note of command.notes) lines.push(note);
  }
  return lines.join("\n");
}
function renderHelp(commands) {
  const width = commands.reduce((widest, c) => Math.max(widest, c.name.length), 0) + 2;
  return [
    "usage: benchgate <command> [flags]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "'benchgate <command> --help' lists a command's flags; 'benchgate --version' prints the version.",
    "Exit status: 0 success, 1 a failed gate or an errored benchmark, 2 bad usage or bad input."
  ].join("\n");
}

// src/ab-command.ts
import os from "node:os";

// src/report/render-text-table.ts
function text(value, max = 80) {
  return sanitizeText(truncateText(value, max));
}
function center(side, unit) {
  return side === null || side.center === null ? "-" : text(formatValue(side.center, unit));
}
function verdictText(comparison) {
  if (comparison.gate) return comparison.verdict;
  if (comparison.verdict === "regressed" || comparison.verdict === "improved") {
    const higher = "change" in comparison && comparison.change !== null ? comparison.change.ratio >= 1 : true;
    return `${higher ? "higher" : "lower"} (not gated)`;
  }
  return `${comparison.verdict} (not gated)`;
}
function renderTextTable(report) {
  const plain = (value) => text(value);
  const headline = describeHeadline(report, plain);
  const level = formatFraction(report.settings.confidence);
  const header = ["benchmark", "baseline \u2192 current", "change", `${level} CI`, "verdict"];
  const rows = sortForDisplay(report.comparisons).map((comparison) => {
    const words = describeChange(comparison);
    return [
      nameComparison(comparison, report, plain),
      comparison.baseline === null && comparison.current === null ? "-" : `${center(comparison.baseline, comparison.unit)} \u2192 ${center(comparison.current, comparison.unit)}`,
      words === null ? "-" : `${words.value} ${text(words.subject, 40)}`,
      words?.interval ?? "-",
      verdictText(comparison)
    ];
  });
  const right = /* @__PURE__ */ new Set([1, 3]);
  const widths = header.map((_, column) => [header, ...rows].reduce((most, row) => Math.max(most, Array.from(row[column]).length), 0));
  const pad = (cell, column) => {
    const fill = " ".repeat(widths[column] - Array.from(cell).length);
    return right.has(column) ? fill + cell : cell + fill;
  };
  const line = (row) => row.map(pad).join("  ").trimEnd();
  const lines = [`benchgate \xB7 ${text(report.benchmarkSet)}: ${headline.text}`, ""];
  lines.push(line(header), line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) lines.push(line(row));
  lines.push("");
  const plot = renderForestPlot(
    report.comparisons.filter((comparison) => comparison.gate),
    report.settings.threshold,
    { level: report.settings.confidence }
  );
  if (plot !== "") lines.push(plot, "");
  for (const comparison of sortForDisplay(report.comparisons)) {
    if (comparison.verdict === "inconclusive" || comparison.verdict === "errored" || comparison.gate && isUnresolvedAcrossJobs(comparison)) {
      lines.push(
        `${verdictText(comparison)}: ${nameComparison(comparison, report, plain)}: ${text(describeReason(comparison, { tool: report.current.tool }), 400)}`
      );
    }
  }
  const notes = /* @__PURE__ */ new Map();
  for (const comparison of report.comparisons) {
    for (const flag of comparison.flags) {
      const list = notes.get(comparison.id) ?? [];
      const note = text(describeFlagShort(flag, comparison), 200);
      if (!list.includes(note)) list.push(note);
      notes.set(comparison.id, list);
    }
  }
  for (const [id, list] of notes) lines.push(`note: ${text(id)}: ${list.join("; ")}`);
  if (report.baseline === null) {
    lines.push("baseline: none yet (it is stored on the first push to the default branch); nothing was compared");
  } else {
    const how = report.baselineChoice === null ? "given on the command line" : text(report.baselineChoice.description, 300);
    lines.push(`baseline: ${text(report.baseline.commit ?? "unknown commit")} (${how})`);
    const differ = diffFingerprints(report.baseline.environment, report.current.environment, report.settings.fingerprintMismatch);
    if (differ.length > 0) {
      lines.push(
        `warning: measured on different machines (${differ.map((d) => text(describeDifference(d), 200)).join(", ")}): ${text(describeEnvironment(report.baseline.environment), 200)} vs ${text(describeEnvironment(report.current.environment), 200)}`
      );
    }
    lines.push(`noise model: ${describeNoiseModels(report)}`);
  }
  lines.push(
    `thresholds: regression = throughput loss \u2265 ${formatFraction(report.settings.threshold)}, alpha ${report.settings.alpha} (Holm-adjusted), ${level} ${report.settings.interval} intervals, seed ${report.settings.seed}`
  );
  const gate = describeGate(report, plain);
  for (const warning of gate.warnings) lines.push(`warning: ${text(warning, 300)}`);
  const reasons = gate.reasons.map((reason) => text(reason, 300));
  lines.push(report.gate.failed ? `gate: FAILED${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}` : "gate: passed");
  return lines.join("\n");
}

// src/ab-command.ts
var abCommand = {
  name: "ab",
  summary: "Measure a base commit and the working tree (or a head commit) interleaved on this machine, compare them round by round, and gate: exit 1 when the gate fails.",
  positionals: ["<base-ref>", "[<head-ref>]"],
  flags: [
    "setup",
    "command",
    "output-file-path",
    "tool",
    "runs",
    "max-time",
    "suites",
    "filter",
    "shard",
    "time",
    "warmup-time",
    "run-timeout",
    "threshold",
    "alpha",
    "fail-on",
    "seed",
    "config",
    "benchmark-set",
    "report-json",
    "report-markdown",
    "output",
    "pass-env"
  ],
  notes: [
    "The base is the commit <base-ref> names (use `git merge-base main HEAD` to compare with a fork point).",
    "Without --setup, a base whose lockfile is byte-identical uses this checkout's node_modules; otherwise it gets the lockfile's clean install.",
    "With --shard i/n, only that slice is measured, and both sides' rounds are written to --output for 'benchgate merge'; the exit status is then 0 unless the run fails (the merged comparison gates)."
  ],
  async run({ config, positionals }, context) {
    const [baseRef, headRef] = positionals;
    const resolve = async (ref) => {
      try {
        return (await runGit(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: context.cwd })).toString("utf8").trim();
      } catch {
        throw new ConfigError(`'${ref}' is not a commit of the repository at ${context.cwd}`);
      }
    };
    const baseCommit = await resolve(baseRef);
    const headCommit = headRef === void 0 ? null : await resolve(headRef);
    const workspaceHead = headCommit ?? await resolve("HEAD").catch(() => null);
    const log = { info: context.printError, warning: (line) => context.printError(`warning: ${line}`) };
    try {
      const { report, measurement } = await measureAndComparePaired(config, {
        cwd: context.cwd,
        env: context.env,
        environment: collectEnvironment(context.env),
        log,
        base: { kind: "commit", commit: baseCommit },
        head: headCommit === null ? { kind: "workspace", commit: workspaceHead } : { kind: "commit", commit: headCommit },
        refs: { base: baseRef, head: headRef ?? null },
        baseBranch: null,
        git: runGit,
        tempDir: os.tmpdir()
      });
      await writeReportFiles(report, config.reportJson, config.reportMarkdown);
      if (config.shard !== null) {
        await writeResults(config.output, withShardIdentity(measurement.head, config, context.env, measurement.base));
        context.print(
          `shard ${config.shard.index}/${config.shard.count}: wrote both sides' rounds to ${config.output}; merge the shards with 'benchgate merge'`
        );
      }
      context.print(renderTextTable(report));
      context.print(
        `
${measurement.rounds} rounds (${measurement.measuringSeconds.toFixed(0)} s measuring) \xB7 base ${baseCommit.slice(0, 7)} \xB7 head ${headCommit?.slice(0, 7) ?? "the working tree"} \xB7 seed ${config.seed}`
      );
      context.print(`wrote ${config.reportJson} and ${config.reportMarkdown}`);
      return config.shard !== null ? 0 : gateExitCode(report);
    } catch (error) {
      if (error instanceof BaseUnusableError) throw new ConfigError(`the base ${baseRef} cannot be measured: ${error.message}`);
      throw error;
    }
  }
};

// src/compare-command.ts
import path2 from "node:path";
var compareCommand = {
  name: "compare",
  summary: "Compare two results files (or another tool's output) and gate like the action: exit 1 when the gate fails.",
  positionals: ["<baseline>", "<current>"],
  flags: [
    "threshold",
    "fail-threshold",
    "alpha",
    "interval",
    "fail-on",
    "config",
    "tool",
    "seed",
    "benchmark-set",
    "report-json",
    "report-markdown",
    "history"
  ],
  defaults: { tool: "auto" },
  async run({ config, positionals }, context) {
    const [baseline, current] = positionals;
    const { report, exitCode, warnings } = await compareFiles(
      config,
      { baseline, current, baselinePath: path2.resolve(context.cwd, baseline), currentPath: path2.resolve(context.cwd, current) },
      collectEnvironment({})
    );
    for (const warning of warnings) context.print(`warning: ${warning}`);
    context.print(renderTextTable(report));
    context.print(`
wrote ${config.reportJson} and ${config.reportMarkdown}`);
    return exitCode;
  }
};

// src/dashboard-command.ts
import path4 from "node:path";
import { parseArgs as parseArgs3 } from "node:util";

// src/dashboard/commit-url.ts
function githubCommitUrl(remoteUrl) {
  const match = /^(?:https:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
    remoteUrl.trim()
  );
  return match ? `https://github.com/${match[1]}/${match[2]}/commit/{commit}` : null;
}
async function commitUrlFromRemote(cwd, git) {
  try {
    return githubCommitUrl((await git(["remote", "get-url", "origin"], { cwd })).toString("utf8"));
  } catch {
    return null;
  }
}

// src/history-command.ts
import { writeFile } from "node:fs/promises";
import path3 from "node:path";
import { parseArgs as parseArgs2 } from "node:util";
var HISTORY_USAGE = "benchgate history [<data-folder>] [--set S] [--branch B] [--json FILE] [--data-branch NAME] [--alpha 0.01] [--seed N]";
var HistoryUsageError = class extends Error {
  name = "HistoryUsageError";
};
function parseDetectFlags(values) {
  const detection = { ...DEFAULT_DETECT_OPTIONS };
  if (values.alpha !== void 0) {
    const alpha = Number(values.alpha);
    if (!(alpha >= 5e-3 && alpha < 1)) throw new HistoryUsageError(`--alpha must be in [0.005, 1), got '${values.alpha}'`);
    detection.alpha = alpha;
  }
  if (values.seed !== void 0) {
    if (!/^\d+$/.test(values.seed)) throw new HistoryUsageError(`--seed must be a non-negative integer, got '${values.seed}'`);
    detection.seed = Number(values.seed);
  }
  return detection;
}
async function historyCommand(args, cwd, io, git = runGit) {
  let parsed;
  try {
    parsed = parseArgs2({
      args: [...args],
      allowPositionals: true,
      options: {
        set: { type: "string" },
        branch: { type: "string" },
        json: { type: "string" },
        "data-branch": { type: "string" },
        alpha: { type: "string" },
        seed: { type: "string" }
      }
    });
  } catch (error) {
    io.err(`benchgate history: ${error.message}
usage: ${HISTORY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    if (positionals.length > 1) throw new HistoryUsageError(`expected at most one data folder, got ${positionals.length}: ${positionals.join(" ")}`);
    const detection = parseDetectFlags(values);
    const checkout = positionals[0] === void 0 ? await checkoutDataBranch({ workspace: cwd, dataBranch: values["data-branch"] ?? "benchgate-data" }, git) : null;
    try {
      const folder = checkout?.folder ?? path3.resolve(cwd, positionals[0]);
      const all = await readDataFolder(folder);
      const history = await chooseHistory(all.histories, values.set ?? null, values.branch ?? null, cwd, git);
      for (const warning of all.warnings) io.err(`warning: ${warning}`);
      const analyzed = analyzeHistory([history], detection);
      io.out(renderHistoryText(analyzed, `set '${history.benchmarkSet}', branch '${history.branch}'`, detection));
      if (values.json !== void 0) {
        const document = {
          schema: "benchgate/history@1",
          benchmarkSet: history.benchmarkSet,
          branch: history.branch,
          detection,
          series: analyzed.map(({ series, changePoints, environmentChanges }) => ({
            benchmark: series.benchmark,
            metric: series.metric,
            unit: series.unit,
            direction: series.direction,
            jobs: series.points.length,
            changePoints,
            environmentChanges: environmentChanges.map((index) => ({ index, commit: series.points[index].commit }))
          })),
          warnings: all.warnings
        };
        const file = path3.resolve(cwd, values.json);
        await writeFile(file, `${JSON.stringify(document, null, 2)}
`);
        io.out(`
wrote ${file}`);
      }
      return 0;
    } finally {
      await checkout?.close();
    }
  } catch (error) {
    if (error instanceof HistoryUsageError) {
      io.err(`benchgate history: ${error.message}
usage: ${HISTORY_USAGE}`);
      return 2;
    }
    io.err(`benchgate history: ${error.message}`);
    return 2;
  }
}
async function chooseHistory(histories, set, branch, cwd, git) {
  const sets = [...new Set(histories.map((history) => history.benchmarkSet))];
  if (sets.length === 0) throw new HistoryUsageError("the data folder holds no stored runs (<set>/<branch>/<commit>.json)");
  const chosenSet = set ?? (sets.length === 1 ? sets[0] : null);
  if (chosenSet === null)
    throw new HistoryUsageError(`the data folder holds several benchmark sets; choose one with --set: ${sets.map((name) => `'${name}'`).join(", ")}`);
  const inSet = histories.filter((history) => history.benchmarkSet === chosenSet);
  if (inSet.length === 0)
    throw new HistoryUsageError(`no benchmark set '${chosenSet}' in the data folder; there is ${sets.map((name) => `'${name}'`).join(", ")}`);
  const branches = inSet.map((history) => history.branch);
  let chosen = branch;
  if (chosen === null) {
    const remoteDefault = await defaultBranch(cwd, git);
    chosen = [remoteDefault, "main"].find((name) => name !== null && branches.includes(name)) ?? (branches.length === 1 ? branches[0] : null);
  }
  if (chosen === null)
    throw new HistoryUsageError(
      `set '${chosenSet}' has several branches and none is the default; choose one with --branch: ${branches.map((name) => `'${name}'`).join(", ")}`
    );
  const found = inSet.find((history) => history.branch === chosen);
  if (!found) throw new HistoryUsageError(`no branch '${chosen}' in set '${chosenSet}'; there is ${branches.map((name) => `'${name}'`).join(", ")}`);
  return found;
}
async function defaultBranch(cwd, git) {
  try {
    const ref = (await git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], { cwd })).toString("utf8").trim();
    return ref.replace(/^refs\/remotes\/origin\//, "") || null;
  } catch {
    return null;
  }
}
var historyCliCommand = {
  name: "history",
  summary: "Change points in the stored history of a benchmark set and branch (data branch checkout, or fetched from origin).",
  positionals: [],
  flags: [],
  usage: HISTORY_USAGE,
  notes: [
    "Without <data-folder>, the data branch (--data-branch, default benchgate-data) is fetched from origin into a temporary folder.",
    "--set and --branch default to the only set, and to the remote default branch, main, or the only branch.",
    "--json FILE writes the change points for scripts; --alpha (default 0.01) and --seed (default 1) set the permutation test."
  ],
  run: ({ positionals }, context) => historyCommand(positionals, context.cwd, { out: context.print, err: context.printError }),
  runArgs: (args, context) => historyCommand(args, context.cwd, { out: context.print, err: context.printError })
};

// src/dashboard-command.ts
var DASHBOARD_USAGE = "benchgate dashboard [<data-folder>] --out DIR [--commit-url URL] [--data-branch NAME] [--alpha 0.01] [--seed N]";
async function dashboardCommand(args, cwd, io, git = runGit) {
  try {
    let parsed;
    try {
      parsed = parseArgs3({
        args: [...args],
        allowPositionals: true,
        options: {
          out: { type: "string" },
          "commit-url": { type: "string" },
          "data-branch": { type: "string" },
          alpha: { type: "string" },
          seed: { type: "string" }
        }
      });
    } catch (error) {
      throw new HistoryUsageError(error.message);
    }
    const { values, positionals } = parsed;
    if (values.out === void 0) throw new HistoryUsageError("--out DIR is required: the folder to write the site to");
    if (positionals.length > 1) throw new HistoryUsageError(`expected at most one data folder, got ${positionals.length}: ${positionals.join(" ")}`);
    const commitUrl = values["commit-url"] ?? await commitUrlFromRemote(cwd, git);
    if (commitUrl !== null && !/^https?:\/\/[^\s]*\{commit\}/.test(commitUrl))
      throw new HistoryUsageError(`--commit-url must be an http(s) URL containing {commit}, got '${commitUrl}'`);
    const detection = parseDetectFlags(values);
    const checkout = positionals[0] === void 0 ? await checkoutDataBranch({ workspace: cwd, dataBranch: values["data-branch"] ?? "benchgate-data" }, git) : null;
    try {
      const started = performance.now();
      const summary = await buildSite({
        dataFolder: checkout?.folder ?? path4.resolve(cwd, positionals[0]),
        outDir: path4.resolve(cwd, values.out),
        commitUrl,
        detection
      });
      for (const warning of summary.warnings) io.err(`warning: ${warning}`);
      const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
      io.out(
        `wrote ${path4.resolve(cwd, values.out)}: ${summary.benchmarks} benchmark(s), ${summary.series} metric series, ${summary.changePoints} change point(s); ${summary.files.length} files, ${kib(summary.totalBytes)} in all, largest ${summary.largest.path} (${kib(summary.largest.bytes)}); ${Math.round(performance.now() - started)} ms`
      );
      return 0;
    } finally {
      await checkout?.close();
    }
  } catch (error) {
    io.err(`benchgate dashboard: ${error.message}${error instanceof HistoryUsageError ? `
usage: ${DASHBOARD_USAGE}` : ""}`);
    return 2;
  }
}
var dashboardCliCommand = {
  name: "dashboard",
  summary: "Build the static history dashboard of every set and branch in a data branch checkout (or fetched from origin).",
  positionals: [],
  flags: [],
  usage: DASHBOARD_USAGE,
  notes: [
    "--out DIR must be new, empty, or a dashboard built before. Without <data-folder>, the data branch is fetched from origin.",
    "Commit links use --commit-url (with {commit}), else origin's GitHub URL."
  ],
  run: ({ positionals }, context) => dashboardCommand(positionals, context.cwd, { out: context.print, err: context.printError }),
  runArgs: (args, context) => dashboardCommand(args, context.cwd, { out: context.print, err: context.printError })
};

// src/merge-command.ts
import path5 from "node:path";
var mergeCommand = {
  name: "merge",
  summary: "Merge the results files of a run's shards (written with --shard i/n) into one results file; exit 2 when a shard is missing, duplicated or from another run.",
  positionals: ["<files>..."],
  flags: ["output"],
  notes: [
    "Same-runner shards (benchgate ab --shard) merge into a file that keeps both sides: its shard field says 1/1 and holds the merged base.",
    "The action's 'mode: merge' does the same with 'results-files' and then compares, comments, gates and stores as one job would."
  ],
  async run({ config, positionals }, context) {
    const files = [];
    for (const file of positionals) files.push({ file, results: await readResults(path5.resolve(context.cwd, file)) });
    let merge;
    try {
      merge = mergeShards(files);
    } catch (error) {
      throw new ConfigError(error.message);
    }
    const problems = describeShardProblems(merge.problems, merge.count);
    if (problems.length > 0) {
      context.printError(`benchgate: cannot merge: ${problems.length} problem(s) with the ${merge.count} shard(s) of this run; nothing was written`);
      for (const problem of problems) context.printError(`  ${problem}`);
      return 2;
    }
    let merged = merge.results;
    if (merge.base !== null) {
      const ids = new Set([...merge.results.benchmarks, ...merge.base.benchmarks].map((benchmark) => benchmark.id));
      merged = {
        ...merge.results,
        shard: {
          index: 1,
          count: 1,
          runId: files[0].results.shard?.runId ?? null,
          design: "same-runner",
          settings: merge.settings,
          assigned: [...ids].sort(),
          base: merge.base
        }
      };
    }
    await writeResults(config.output, merged);
    context.print(`merged ${merge.count} shard(s), ${merge.results.benchmarks.length} benchmark(s) (${merge.design} design) into ${config.output}`);
    return 0;
  }
};

// src/report/render-results-table.ts
function spread(runs) {
  if (runs.length < 2) return "\u2014";
  const low = runs.reduce((a, b) => Math.min(a, b), Infinity);
  const high = runs.reduce((a, b) => Math.max(a, b), -Infinity);
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
  const widths = header.map((_, column) => rows.reduce((widest, row) => Math.max(widest, row[column].length), header[column].length));
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

// src/run-command.ts
var runCommand = {
  name: "run",
  summary: "Run the benchmark suites, each run in a fresh process; print a table and write the results file.",
  positionals: [],
  flags: ["suites", "runs", "time", "warmup-time", "filter", "shard", "output", "seed", "run-timeout", "retain-samples"],
  notes: ["'--runs auto' means 10 here: adaptive rounds need the base commit measured beside the current one (the action's 'compare-with: base')."],
  async run({ config }, context) {
    const { results, exitCode } = await runAndWrite(config, {
      cwd: context.cwd,
      env: context.env,
      ...describeCheckout(context.cwd, context.env),
      environment: collectEnvironment(context.env),
      log: { info: context.printError }
    });
    context.print(renderResultsTable(results));
    context.print(`
wrote ${config.output} \xB7 seed ${config.seed} (reproduce with --seed ${config.seed})`);
    return exitCode;
  }
};

// src/cli.ts
var COMMANDS = [runCommand, compareCommand, abCommand, mergeCommand, historyCliCommand, dashboardCliCommand];
function isInputError(error) {
  return error instanceof ConfigError || error instanceof CompareConfigError || error instanceof FormatError || error instanceof RunnerError;
}
async function main(argv, cwd, env) {
  const context = { cwd, env, print: (line) => console.log(line), printError: (line) => console.error(line) };
  let command = null;
  try {
    const parsed = parseCommandLine(argv, COMMANDS);
    if (parsed.kind === "version") {
      context.print(package_default.version);
      return 0;
    }
    if (parsed.kind === "help") {
      context.print(parsed.command === null ? renderHelp(COMMANDS) : renderCommandHelp(parsed.command));
      return 0;
    }
    command = parsed.command;
    if (parsed.kind === "raw") return await parsed.command.runArgs(parsed.args, context);
    const config = buildCliConfig(parsed.input, cwd, randomInt(0, 2 ** 31), existsSync);
    return await command.run({ config, positionals: parsed.positionals }, context);
  } catch (error) {
    if (!isInputError(error)) throw error;
    context.printError(`benchgate: ${error.message}${usageHint(error, command)}`);
    return 2;
  }
}
function usageHint(error, current) {
  if (!(error instanceof ConfigError)) return "";
  const command = error instanceof UsageError ? error.command : current;
  if (command === null) return `
${renderHelp(COMMANDS)}`;
  return `
usage: ${renderUsage(command)}  ('benchgate ${command.name} --help' lists the flags)`;
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.cwd(), process.env);
}
export {
  COMMANDS,
  main
};
//# sourceMappingURL=cli.js.map
