/**
 * Across jobs on a simulated runner whose jobs vary as GitHub's hosted runners are published to
 * (σ_job 2.7% of a job's log center, normal, no slow mode): A/A false alarms and the detection of
 * a 20% throughput loss, with no history (the prior floor) and with 8 or 30 stored jobs, through
 * `compareResults` itself. Each job has 10 process runs with a `--within` spread (1%) around its
 * own center. With `--odd-rate R`, a job is an odd one with probability R: its center is further
 * off by `--odd-offset` (log, 0.1), up or down at random, as when a neighbour takes the machine
 * for a whole job; odd baselines are where a one-sided widening has to keep its level.
 * The companion of cross-job.ts, which measures a real (and much noisier) machine.
 *
 *   npx node benchmarks/experiments/cross-job-simulated.ts [--pairs 2000] [--sd 0.027] [--within 0.01] [--odd-rate 0] [--odd-offset 0.1] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { historyKey, type HistoryJob } from '../../src/compare/history.ts';
import { compareResults } from '../../src/compare/compare-results.ts';
import { RESULTS_SCHEMA, type Results } from '../../src/results/schema.ts';
import { createRandom } from '../../src/stats/create-random.ts';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '2000' },
    sd: { type: 'string', default: '0.027' },
    within: { type: 'string', default: '0.01' },
    'odd-rate': { type: 'string', default: '0' },
    'odd-offset': { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '1' },
  },
});
const random = createRandom(Number(values.seed));
const sdJob = Number(values.sd);
const sdWithin = Number(values.within);
const oddRate = Number(values['odd-rate']);
const oddOffset = Number(values['odd-offset']);
const normal = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
const ID = 'suite/task';
const key = historyKey(ID, 'latency-p50');

function job(factor: number): { results: Results; center: number } {
  const odd = random() < oddRate ? (random() < 0.5 ? -oddOffset : oddOffset) : 0;
  const center = 1000 * Math.exp(sdJob * normal() + odd) * factor;
  const runs = Array.from({ length: 10 }, () => center * Math.exp(sdWithin * normal()));
  const results: Results = {
    schema: RESULTS_SCHEMA,
    tool: 'benchgate',
    commit: 'a'.repeat(40),
    ref: 'refs/heads/main',
    createdAt: '2026-12-02T00:00:00.000Z',
    seed: 1,
    environment: { cpuModel: 'simulated', cores: 4, os: 'linux', arch: 'x64', node: 'v24.0.0', runnerImage: null },
    benchmarks: [
      { id: ID, state: 'completed', metrics: [{ name: 'latency-p50', unit: 'ns', direction: 'smaller', gate: true, observation: 'process', runs }] },
    ],
  };
  return { results, center: [...runs].sort((a, b) => a - b)[5]! };
}

function history(size: number): HistoryJob[] {
  return Array.from({ length: size }, (_, i) => ({ commit: `h${i}`, centers: { [key]: job(1).center } }));
}

for (const size of [0, 8, 30]) {
  let falseAlarms = 0;
  let caught = 0;
  const pairs = Number(values.pairs);
  for (let i = 0; i < pairs; i++) {
    const options = size === 0 ? {} : { history: history(size) };
    const base = job(1).results;
    const [aa] = compareResults(base, job(1).results, options);
    if (aa!.verdict === 'regressed' || aa!.verdict === 'improved') falseAlarms++;
    const [ab] = compareResults(base, job(1 / 0.8).results, options);
    if (ab!.verdict === 'regressed') caught++;
  }
  const label = size === 0 ? 'no history (prior floor 3%)' : `history of ${size} jobs`;
  console.log(
    `${label}: A/A false alarms ${falseAlarms}/${pairs} (${((100 * falseAlarms) / pairs).toFixed(1)}%), 20% loss caught ${caught}/${pairs} (${((100 * caught) / pairs).toFixed(1)}%)`,
  );
}
