/**
 * The same-runner design: the base and the head measured in the same job, in rounds. In each
 * round every suite (or the `command`) runs once per side in a fresh process, the two sides in a
 * seeded random order (randomized multiple interleaved trials), so slow drifts of the machine hit
 * both sides alike and each round's two processes are a pair.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ShardSpec } from '../results/assign-shard.ts';
import type { Environment, Results } from '../results/schema.ts';
import { createRandom } from '../stats/create-random.ts';
import { assembleResults, type TaskRuns } from './assemble-results.ts';
import { BaseUnusableError } from './base-unusable-error.ts';
import { buildChildEnvironment } from './child-environment.ts';
import { centerOfRound, combineRounds } from './combine-rounds.ts';
import type { RunRequest, TaskRecord } from './protocol.ts';
import { RunnerError } from './runner-error.ts';
import { describeShellFailure, runShell } from './run-shell.ts';
import { findSuites, runChild, runSeed, suiteName, type RunLog } from './run-suites.ts';

/** One of the two sides of a paired comparison. */
export type Side = 'base' | 'head';

/** What each side runs in a round. */
export type PairedMode =
  | {
      kind: 'suites';
      /** Glob of suite files, relative to each tree's working folder. */
      suites: string;
      /** tinybench time budget per task, ms. */
      time: number;
      /** tinybench warmup budget per task, ms. */
      warmupTime: number;
      retainSamples: boolean;
      /** Regular expression matched against benchmark ids, or null for all. */
      filter: string | null;
      /** A suite run that takes longer than this, ms, is killed and its tasks are errored in that round. */
      runTimeout: number;
      /** Only this shard's slice of the benchmarks, the same on both sides. @default null, the whole suite */
      shard?: ShardSpec | null;
    }
  | {
      kind: 'command';
      /** A shell command run in each tree once per round. */
      command: string;
      /** The file or folder the command writes, relative to the tree's working folder. */
      outputFilePath: string;
      /** The command is killed after this many ms. */
      timeout: number;
    };

/** Adaptive rounds (`runs: auto`). */
export interface AutoRoundsOptions {
  /** Rounds before the first look. @default 10 */
  minRounds: number;
  /** Rounds added between looks. @default 5 */
  batchRounds: number;
  /** Never more rounds than this; it fixes the number of looks a stop rule may spend alpha over. @default 60 */
  maxRounds: number;
  /** No new batch starts once measuring has taken this long or would take longer with it, ms. @default 600000 */
  maxTimeMs: number;
}

/** The defaults of `runs: auto`. */
export const DEFAULT_AUTO_ROUNDS_OPTIONS: AutoRoundsOptions = { minRounds: 10, batchRounds: 5, maxRounds: 60, maxTimeMs: 600_000 };

/** How many rounds: a fixed number, or adaptive. */
export type RoundsPlan = { kind: 'fixed'; rounds: number } | ({ kind: 'auto' } & AutoRoundsOptions);

/**
 * The number of looks an adaptive plan can take at most: one after `minRounds`, then one after
 * each batch up to `maxRounds`.
 * @param plan the adaptive plan
 * @example maxLooks({ kind: 'auto', minRounds: 10, batchRounds: 5, maxRounds: 60, maxTimeMs: 1 }) // => 11
 */
export function maxLooks(plan: AutoRoundsOptions): number {
  return 1 + Math.ceil(Math.max(0, plan.maxRounds - plan.minRounds) / plan.batchRounds);
}

/** Which look at the data this is, for a stop rule that spends alpha over the looks. */
export interface Look {
  /** 1 for the first look. */
  index: number;
  /** The most looks this plan can take (`maxLooks`). */
  max: number;
  /** Rounds measured so far. */
  rounds: number;
}

/** A stop rule's answer after a look. */
export interface RoundsDecision {
  /** True when every gated comparison is decided, so no more rounds are needed. */
  done: boolean;
  /** `<id> <metric>` of the gated comparisons still undecided, for the log. */
  undecided: string[];
}

/**
 * The stop rule, supplied by the pipeline (which compares with src/compare; the runner does not
 * import it). Called after `minRounds` and after each batch with both sides' results so far.
 */
export type DecideRounds = (base: Results, head: Results, look: Look) => RoundsDecision | Promise<RoundsDecision>;

/** What `runPairedRounds` measures. */
export interface PairedRunOptions {
  /** Each side's working folder: the head's checkout and the same folder in the base worktree. */
  trees: Record<Side, string>;
  mode: PairedMode;
  plan: RoundsPlan;
  /** Seeds the side order of every round and each round's task order (the same on both sides). */
  seed: number;
  /**
   * The parent's environment. Every child (suite processes and command shells, both sides) gets
   * the same one, made by `buildChildEnvironment`: without the token and the runner's
   * secret-bearing variables, except the names in `passEnv`.
   */
  env: Record<string, string | undefined>;
  /** The action's token, withheld from child processes wherever it appears. @default null */
  token?: string | null;
  /** Variable names (the `pass-env` input) that reach child processes even when they would be withheld. @default [] */
  passEnv?: readonly string[];
}

/** The results header of each side. */
export interface PairedMeta {
  base: { commit: string | null; ref: string | null };
  head: { commit: string | null; ref: string | null };
  environment: Environment;
}

/** What `runPairedRounds` calls out to. */
export interface PairedRunDeps {
  log: RunLog & { warning?(message: string): void };
  /** The stop rule; required with an `auto` plan. */
  decide?: DecideRounds;
  /** Reads the command's output with the format adapter; required in `command` mode. */
  readOutput?: (file: string) => Promise<Results>;
  /** A clock in ms. @default performance.now */
  now?: () => number;
}

/** Which side ran first for one suite (or the command) in one round. */
export interface RoundOrder {
  round: number;
  /** The suite's name, or `command`. */
  unit: string;
  first: Side;
}

/** Why the rounds stopped. */
export type RoundsStop = 'fixed' | 'decided' | 'max-rounds' | 'max-time';

/** Both sides' results, round-aligned, and how the rounds went. */
export interface PairedRun {
  base: Results;
  head: Results;
  rounds: number;
  /** The recorded side order, one entry per round and suite. */
  order: RoundOrder[];
  stop: RoundsStop;
  /** Gated comparisons still undecided at the last look (empty for a fixed plan). */
  undecided: string[];
  looks: number;
  /** Time spent measuring (both sides, all rounds), seconds. */
  measuringSeconds: number;
  /** Suites (by name) that only the head has: their benchmarks are `new`. */
  headOnly: string[];
  /** Suites that only the base has, or that cannot run in the base tree. */
  baseOnly: string[];
}

/** One thing run per side per round: a suite (by name) with each side's file, or the command. */
interface Unit {
  name: string;
  files: Partial<Record<Side, string>>;
}

const SIDES: readonly Side[] = ['base', 'head'];

/**
 * The side that goes first in each round and unit, from the seed alone: reproducible, and each
 * order equally likely.
 * @param seed the run's seed
 * @returns a function giving the first side of the next pair
 */
export function createSideOrder(seed: number): () => Side {
  const random = createRandom(runSeed(seed, 0x5ad1) ^ 0xa5a5a5a5);
  return () => (random() < 0.5 ? 'base' : 'head');
}

async function planSuites(mode: Extract<PairedMode, { kind: 'suites' }>, trees: Record<Side, string>, log: PairedRunDeps['log']): Promise<Unit[]> {
  if (path.isAbsolute(mode.suites)) {
    const message = `the suites glob ${mode.suites} is an absolute path, so both sides run the same files; make it relative to the working directory to measure each tree's own suites`;
    if (log.warning) log.warning(message);
    else log.info(`warning: ${message}`);
  }
  const headFiles = await findSuites(mode.suites, trees.head);
  let baseFiles: string[];
  try {
    baseFiles = await findSuites(mode.suites, trees.base);
  } catch (error: unknown) {
    if (error instanceof RunnerError) throw new BaseUnusableError(`the base tree has none of the suites: ${error.message}`, 'no-suites');
    throw error;
  }
  const units = new Map<string, Unit>();
  for (const [side, files] of [
    ['head', headFiles],
    ['base', baseFiles],
  ] as const) {
    for (const file of files) {
      const name = suiteName(file);
      const unit = units.get(name) ?? { name, files: {} };
      if (unit.files[side]) throw new RunnerError(`two suite files in the ${side} tree are both named '${name}': ${unit.files[side]}, ${file}`);
      unit.files[side] = file;
      units.set(name, unit);
    }
  }
  const list = [...units.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!list.some((unit) => unit.files.base && unit.files.head)) {
    throw new BaseUnusableError(
      `the base tree has none of the head's suites (${list
        .filter((u) => u.files.head)
        .map((u) => u.name)
        .join(', ')})`,
      'no-suites',
    );
  }
  for (const unit of list) {
    if (!unit.files.base) log.info(`suite ${unit.name} is new in the head: its benchmarks have no base`);
    if (!unit.files.head) log.info(`suite ${unit.name} is only in the base: its benchmarks are reported as missing`);
  }
  return list;
}

/**
 * Measures the base and the head interleaved, in rounds, until the plan says stop.
 *
 * In each round, for each suite (or the command), the two sides run one after the other in a
 * seeded random order, each in a fresh process, with the same Node binary, flags and environment;
 * each side runs its own tree's files. The returned results are round-aligned: for a benchmark
 * completed on both sides, `runs[r]` of every metric on both sides come from round r + 1.
 * A suite the base lacks gives `new` benchmarks; a suite that fails to load in the base in its
 * first round is dropped from the base with a warning.
 *
 * With an `auto` plan it runs `minRounds`, then asks `decide` and adds `batchRounds` at a time
 * until `decide` says done, `maxRounds` is reached, or another batch would pass `maxTimeMs`.
 * @param options trees, mode, plan, seed and environment
 * @param meta each side's commit and ref, and the machine
 * @param deps log, stop rule, output reader and clock
 * @throws BaseUnusableError when the base has none of the suites, or its command fails in round 1
 * @throws RunnerError when the head's suites are missing or fail to load, or its command fails
 */
export async function runPairedRounds(options: PairedRunOptions, meta: PairedMeta, deps: PairedRunDeps): Promise<PairedRun> {
  const { mode, plan, trees, log } = { ...options, log: deps.log };
  const now = deps.now ?? (() => performance.now());
  const warn = (message: string) => (log.warning ? log.warning(message) : log.info(`warning: ${message}`));
  if (plan.kind === 'auto' && !deps.decide) throw new Error('runPairedRounds: an auto plan needs a decide callback');
  if (mode.kind === 'command' && !deps.readOutput) throw new Error('runPairedRounds: command mode needs a readOutput function');
  const createdAt = new Date().toISOString();
  const units: Unit[] = mode.kind === 'suites' ? await planSuites(mode, trees, log) : [{ name: 'command', files: { base: trees.base, head: trees.head } }];
  const childEnvironment = buildChildEnvironment(options.env, { token: options.token ?? null, passEnv: options.passEnv ?? [] });
  if (childEnvironment.withheld.length > 0) {
    log.info(`both sides run without ${childEnvironment.withheld.length} variable(s): ${childEnvironment.withheld.join(', ')}`);
  }
  const firstSide = createSideOrder(options.seed);
  const order: RoundOrder[] = [];
  const rounds: Record<Side, Results[]> = { base: [], head: [] };
  /** Task ids each side's suite has reported, for the errored records of a killed run. */
  const known: Record<Side, Map<string, Set<string>>> = { base: new Map(), head: new Map() };
  let measuringMs = 0;

  const header = (side: Side) => ({ ...meta[side], environment: meta.environment, seed: options.seed, createdAt });

  async function runSuiteSide(side: Side, unit: Unit, round: number, suites: Extract<PairedMode, { kind: 'suites' }>): Promise<TaskRecord[] | 'dropped'> {
    const file = unit.files[side]!;
    const request: RunRequest = {
      suite: file,
      suiteName: unit.name,
      time: suites.time,
      warmupTime: suites.warmupTime,
      retainSamples: suites.retainSamples,
      seed: runSeed(options.seed, round),
      filter: suites.filter,
      shard: suites.shard ?? null,
    };
    const outcome = await runChild(request, { cwd: trees[side], runTimeout: suites.runTimeout }, childEnvironment.env);
    const seen = known[side].get(unit.name);
    if (outcome.kind === 'tasks') {
      known[side].set(unit.name, new Set([...(seen ?? []), ...outcome.tasks.map((task) => task.name)]));
      return outcome.tasks;
    }
    const relative = path.relative(trees[side], file);
    const reason = outcome.kind === 'timeout' ? `timed out after ${suites.runTimeout} ms and was killed` : outcome.error;
    if (outcome.kind !== 'timeout' && !seen) {
      if (side === 'head') throw new RunnerError(`${relative}: ${reason}`);
      warn(`the base tree's ${relative} cannot run (${reason}); its benchmarks are compared with nothing`);
      return 'dropped';
    }
    return [...(seen ?? ['*'])].map((name): TaskRecord => ({ name, state: 'errored', error: reason }));
  }

  async function runCommandSide(side: Side, round: number, command: Extract<PairedMode, { kind: 'command' }>): Promise<Results | 'failed'> {
    const output = path.resolve(trees[side], command.outputFilePath);
    // A stale output from an earlier round (or an earlier job) must never be read as this round's.
    await rm(output, { recursive: true, force: true });
    const outcome = await runShell(command.command, { cwd: trees[side], env: childEnvironment.env, timeout: command.timeout, onLine: null });
    let problem: string | null = null;
    if (outcome.state !== 'ok') problem = describeShellFailure(command.command, outcome);
    else {
      try {
        return centerOfRound(await deps.readOutput!(output));
      } catch (error: unknown) {
        problem = `'${command.command}' ran, but its output ${command.outputFilePath} cannot be read: ${(error as Error).message}`;
      }
    }
    if (side === 'head') throw new RunnerError(`the head tree (round ${round}): ${problem}`);
    if (round === 1) throw new BaseUnusableError(`the base tree: ${problem}`, 'command-failed');
    warn(`the base tree (round ${round}): ${problem}`);
    return 'failed';
  }

  async function runRound(round: number, target: number): Promise<void> {
    const records: Record<Side, TaskRuns[]> = { base: [], head: [] };
    const commandResults: Partial<Record<Side, Results>> = {};
    const failedCommand: Side[] = [];
    for (const unit of units) {
      const present = SIDES.filter((side) => unit.files[side] !== undefined);
      const first = firstSide();
      const sequence = present.length === 2 ? (first === 'base' ? ['base', 'head'] : ['head', 'base']) : present;
      order.push({ round, unit: unit.name, first: sequence[0]! as Side });
      const seconds: string[] = [];
      for (const side of sequence as Side[]) {
        const started = now();
        if (mode.kind === 'suites') {
          const tasks = await runSuiteSide(side, unit, round, mode);
          if (tasks === 'dropped') delete unit.files[side];
          else for (const record of tasks) records[side].push({ id: `${unit.name}/${record.name}`, records: [{ run: round, record }] });
        } else {
          const results = await runCommandSide(side, round, mode);
          if (results === 'failed') failedCommand.push(side);
          else commandResults[side] = results;
        }
        const ms = now() - started;
        measuringMs += ms;
        seconds.push(`${side} ${(ms / 1000).toFixed(1)} s`);
      }
      log.info(`round ${round}/${target} · ${unit.name} · ${seconds.join(', then ')}`);
    }
    if (mode.kind === 'suites' && !units.some((unit) => unit.files.base && unit.files.head)) {
      throw new BaseUnusableError('none of the suites can run in the base tree', 'no-suites');
    }
    for (const side of SIDES) {
      if (mode.kind === 'suites') rounds[side].push(assembleResults(records[side], header(side)));
      else if (commandResults[side]) rounds[side].push({ ...commandResults[side]!, ...header(side) });
      else
        rounds[side].push({
          ...rounds[side][0]!,
          benchmarks: rounds[side][0]!.benchmarks.map((b) => ({ id: b.id, state: 'errored', error: `the command failed in round ${round}`, metrics: [] })),
        });
    }
  }

  let round = 0;
  let looks = 0;
  let undecided: string[] = [];
  let stop: RoundsStop = 'fixed';
  let target = plan.kind === 'fixed' ? plan.rounds : Math.min(plan.minRounds, plan.maxRounds);
  log.info(
    `seed ${options.seed} · ${units.length} suite(s) · ${plan.kind === 'fixed' ? `${plan.rounds} rounds` : `rounds: auto (${plan.minRounds} first, then ${plan.batchRounds} at a time, at most ${plan.maxRounds} rounds or ${plan.maxTimeMs / 1000} s)`}`,
  );
  for (;;) {
    while (round < target) {
      round++;
      log.startGroup?.(`round ${round}`);
      try {
        await runRound(round, target);
      } finally {
        log.endGroup?.();
      }
    }
    if (plan.kind === 'fixed') break;
    looks++;
    const decision = await deps.decide!(combineRounds(rounds.base), combineRounds(rounds.head), { index: looks, max: maxLooks(plan), rounds: round });
    undecided = decision.undecided;
    const elapsed = measuringMs;
    log.info(
      `look ${looks}/${maxLooks(plan)} after ${round} rounds (${(elapsed / 1000).toFixed(0)} s measuring): ${
        decision.done
          ? 'every gated comparison is decided'
          : `${undecided.length} undecided: ${undecided.slice(0, 20).join(', ')}${undecided.length > 20 ? ', …' : ''}`
      }`,
    );
    if (decision.done) {
      stop = 'decided';
      break;
    }
    if (round >= plan.maxRounds) {
      stop = 'max-rounds';
      break;
    }
    const next = Math.min(plan.maxRounds, round + plan.batchRounds);
    if (elapsed + (elapsed / round) * (next - round) > plan.maxTimeMs) {
      stop = 'max-time';
      log.info(`stopping: ${next - round} more round(s) would pass max-time (${plan.maxTimeMs / 1000} s)`);
      break;
    }
    target = next;
  }
  return {
    base: combineRounds(rounds.base),
    head: combineRounds(rounds.head),
    rounds: round,
    order,
    stop,
    undecided,
    looks,
    measuringSeconds: measuringMs / 1000,
    headOnly: units.filter((unit) => unit.files.head && !unit.files.base).map((unit) => unit.name),
    baseOnly: units.filter((unit) => unit.files.base && !unit.files.head).map((unit) => unit.name),
  };
}
