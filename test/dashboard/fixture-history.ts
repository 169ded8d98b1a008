/** The dashboard's fixture history: steps both ways, a runner-image change, two branches and hostile names. */
import { makeRuns, writeDataFolder } from '../history/make-history.ts';

/** Benchmark ids that would run script if the page put them into HTML. */
export const HOSTILE_BENCHMARK = '<img src=x onerror="window.__xss=1">';
export const HOSTILE_METRIC = '"><script>window.__xss=2</script>';

/** Writes the fixture into `root` as the git store lays it out. */
export async function writeFixtureHistory(root: string): Promise<void> {
  const main = makeRuns({
    jobs: 60,
    seed: 1,
    environmentChangeAt: 48,
    benchmarks: [
      { id: 'json/parse', level: 10, steps: [{ at: 30, factor: 1.1 }] },
      { id: 'json/stringify', level: 4, steps: [{ at: 40, factor: 0.85 }] },
      { id: 'regex/match', level: 0.8 },
      { id: HOSTILE_BENCHMARK, level: 2, extraMetrics: [HOSTILE_METRIC] },
    ],
  });
  await writeDataFolder(root, 'default', 'main', main);
  await writeDataFolder(root, 'default', 'feature/x', makeRuns({ jobs: 12, seed: 2, benchmarks: [{ id: 'json/parse', level: 10 }] }));
}
