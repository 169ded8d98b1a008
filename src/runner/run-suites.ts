import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { glob, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config.ts';
import type { ShardSpec } from '../results/assign-shard.ts';
import type { Results } from '../results/schema.ts';
import { validateResults } from '../results/validate-results.ts';
import { assembleResults, type RunMeta, type TaskRuns } from './assemble-results.ts';
import { buildChildEnvironment } from './child-environment.ts';
import type { RunReply, RunRequest, TaskRecord } from './protocol.ts';
import { RunnerError } from './runner-error.ts';

/**
 * What `runSuites` runs and how: the config's measuring settings (`filter` is a regular
 * expression on benchmark ids, `runTimeout` in ms), the number of process runs per suite, and
 * where the child processes run.
 */
export type RunOptions = Pick<Config, 'suites' | 'time' | 'warmupTime' | 'retainSamples' | 'filter' | 'runTimeout' | 'seed'> & {
  /** Process runs per suite: each is one observation. */
  runs: number;
  /** The folder the suites glob is relative to, and the children's working directory. */
  cwd: string;
  /**
   * The parent's environment. Child processes get it through `buildChildEnvironment`: without the
   * token and the runner's secret-bearing variables, except the names in `passEnv`.
   */
  env: Record<string, string | undefined>;
  /** The action's token, withheld from child processes wherever it appears. @default null */
  token?: string | null;
  /** Variable names (the `pass-env` input) that reach child processes even when they would be withheld. @default [] */
  passEnv?: readonly string[];
  /** Run only this shard's slice of the benchmarks (`assignShard`). @default null, the whole suite */
  shard?: ShardSpec | null;
};

/** Where progress goes; the action passes `@actions/core`'s grouping, the CLI plain console. */
export interface RunLog {
  info(message: string): void;
  startGroup?(name: string): void;
  endGroup?(): void;
}

const SUITE_SUFFIX = /(\.bench)?\.(ts|mts|js|mjs)$/;

/**
 * Finds the suite files a glob names, sorted, and checks that each exists.
 * @throws RunnerError when nothing matches
 */
export async function findSuites(pattern: string, cwd: string): Promise<string[]> {
  const files: string[] = [];
  for await (const file of glob(pattern, { cwd })) files.push(path.resolve(cwd, file));
  if (files.length === 0) {
    // A literal path that does not exist deserves its own message.
    const literal = path.resolve(cwd, pattern);
    const exists = await stat(literal).then(
      () => true,
      () => false,
    );
    throw new RunnerError(exists ? `suite file ${pattern} matched nothing` : `no suite file matches '${pattern}' (in ${cwd})`);
  }
  return files.sort();
}

/** The id prefix of a suite: its file name without `.bench.ts` and the like. */
export function suiteName(file: string): string {
  return path.basename(file).replace(SUITE_SUFFIX, '');
}

function childEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // From source this file sits beside child.ts; bundled, it is in dist/ or dist/chunks/, and the entry is dist/child.js.
  const candidates = [path.join(here, 'child.ts'), path.join(here, 'child.js'), path.join(here, '..', 'child.js')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new RunnerError(`the runner's child entry is missing (looked for ${candidates.join(', ')})`);
  return found;
}

/** How one child process ended: its reply, killed at the time limit, or dead without a reply. */
export type ChildOutcome = RunReply | { kind: 'timeout' } | { kind: 'crash'; error: string };

/**
 * Runs one suite once in a fresh Node process (this Node binary, `--expose-gc`) and waits for its reply.
 * @param request what the child runs
 * @param options the child's working directory and time limit
 * @param env the child's whole environment, already made by `buildChildEnvironment`
 * @returns the reply, or `timeout` / `crash`
 */
export function runChild(request: RunRequest, options: Pick<RunOptions, 'cwd' | 'runTimeout'>, env: Record<string, string>): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = fork(childEntry(), [], {
      cwd: options.cwd,
      env,
      execPath: process.execPath,
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let reply: RunReply | null = null;
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.runTimeout);
    child.on('message', (message: RunReply) => {
      reply = message;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ kind: 'crash', error: error.message });
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (reply) resolve(reply);
      else if (timedOut) resolve({ kind: 'timeout' });
      else {
        const tail = stderr.trim().split('\n').slice(-5).join('\n');
        resolve({ kind: 'crash', error: `exited with ${signal ?? `code ${code}`}${tail ? `: ${tail}` : ''}` });
      }
    });
    child.send(request);
  });
}

/** Seeds of successive runs, derived from the one printed seed. */
export function runSeed(seed: number, run: number): number {
  return (seed + Math.imul(run, 0x9e3779b1)) >>> 0;
}

/**
 * Runs every suite `runs` times, each time in a fresh Node process, and returns the results:
 * one value per run for each metric of each task.
 * @param options what to run
 * @param meta commit, ref and environment recorded in the results
 * @param log progress, one line per run
 * @throws RunnerError when a suite is missing, fails to import or exports no Bench
 */
export async function runSuites(options: RunOptions, meta: Omit<RunMeta, 'seed' | 'createdAt'>, log: RunLog): Promise<Results> {
  const createdAt = new Date().toISOString();
  const files = await findSuites(options.suites, options.cwd);
  const names = files.map(suiteName);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new RunnerError(`two suite files are both named '${duplicate}': ${files.join(', ')}`);
  log.info(`seed ${options.seed} · ${files.length} suite(s) · ${options.runs} run(s) each`);
  const childEnvironment = buildChildEnvironment(options.env, { token: options.token, passEnv: options.passEnv });
  if (childEnvironment.withheld.length > 0) {
    log.info(`suites run without ${childEnvironment.withheld.length} variable(s): ${childEnvironment.withheld.join(', ')}`);
  }

  const tasks = new Map<string, TaskRuns>();
  const timeouts: { suite: string; run: number; error: string }[] = [];
  const available: string[] = [];
  for (let run = 1; run <= options.runs; run++) {
    log.startGroup?.(`run ${run}/${options.runs}`);
    for (const [index, file] of files.entries()) {
      const name = names[index]!;
      const relative = path.relative(options.cwd, file);
      const request: RunRequest = {
        suite: file,
        suiteName: name,
        time: options.time,
        warmupTime: options.warmupTime,
        retainSamples: options.retainSamples,
        seed: runSeed(options.seed, run),
        filter: options.filter,
        shard: options.shard ?? null,
      };
      const started = performance.now();
      const outcome = await runChild(request, options, childEnvironment.env);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (outcome.kind === 'suite-error' || outcome.kind === 'crash') {
        log.endGroup?.();
        throw new RunnerError(`${relative}: ${outcome.error}`);
      }
      if (outcome.kind === 'timeout') {
        const message = `run ${run} timed out after ${options.runTimeout} ms and was killed`;
        log.info(`run ${run}/${options.runs} · ${relative} · ${message}`);
        timeouts.push({ suite: name, run, error: message });
        continue;
      }
      if (run === 1) for (const task of outcome.all) available.push(`${name}/${task}`);
      for (const record of outcome.tasks) {
        const id = `${name}/${record.name}`;
        const entry = tasks.get(id) ?? { id, records: [] };
        entry.records.push({ run, record });
        tasks.set(id, entry);
      }
      log.info(`run ${run}/${options.runs} · ${relative} · ${outcome.tasks.length} tasks · ${seconds} s`);
    }
    log.endGroup?.();
    // A shard's slice may be empty (more shards than benchmarks); a filter that matches nothing at all is still an error.
    const filter = options.filter === null ? null : new RegExp(options.filter);
    if (run === 1 && filter !== null && timeouts.length === 0 && !available.some((id) => filter.test(id))) {
      throw new RunnerError(
        `filter '${options.filter}' matches none of the ${available.length} benchmark(s): ${available.join(', ') || '(the suites define none)'}`,
      );
    }
  }
  // A killed run sent nothing, so its tasks are the ones the other runs of that suite reported.
  for (const { suite, run, error } of timeouts) {
    const known = [...tasks.keys()].filter((id) => id.startsWith(`${suite}/`));
    for (const id of known.length > 0 ? known : [`${suite}/*`]) {
      const entry = tasks.get(id) ?? { id, records: [] };
      const record: TaskRecord = { name: id, state: 'errored', error };
      entry.records.push({ run, record });
      entry.records.sort((a, b) => a.run - b.run);
      tasks.set(id, entry);
    }
  }
  const results = assembleResults([...tasks.values()], { ...meta, seed: options.seed, createdAt });
  // The child checks each value as it measures it; this is the same check every results file
  // gets, so that nothing our own runner writes could be refused when it is read back. A shard's
  // slice may be empty (the pipeline marks the file as a shard's afterwards).
  if (results.benchmarks.length > 0 || !options.shard) validateResults(results, `the results of ${options.suites}`);
  return results;
}
