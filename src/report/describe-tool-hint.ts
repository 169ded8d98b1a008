/** How to get repeated, independent runs out of each tool, for the `inconclusive` note. */
const HINTS: Record<string, string> = {
  benchgate: 'run with `--runs 10` (input `runs`) so each benchmark has 10 process runs',
  googlecpp: 'run the benchmark binary with `--benchmark_repetitions=10` (without `--benchmark_report_aggregates_only`) so each repetition is kept',
  go: 'run `go test -bench . -count=10` so each benchmark is reported 10 times',
  cargo: 'run `cargo bench` 10 times and pass every output file (or a folder of them): each file is one run',
  criterion: 'pass the whole `target/criterion` folder so the per-sample times in `new/sample.json` are kept, and let the baseline store build history',
  pytest: 'run pytest-benchmark with `--benchmark-json=out.json` (it keeps every round in `data`), or run it several times and pass the folder of JSON files',
  hyperfine: 'run hyperfine with `--runs 10 --export-json out.json` so every time is kept',
  benchmarkdotnet: 'use the full JSON exporter (`--exporters json`, the `*-report-full.json` file) so `Measurements` are kept',
  jmh: 'run JMH with `-rf json` and several forks (`-f 5`) so `rawData` holds every iteration',
  catch2: 'run the benchmark binary 10 times with `--reporter xml::out=run-N.xml` and pass the folder of XML files: each file is one run',
  vitest:
    'with Vitest 5, set `benchmark: { retainSamples: true }` and pass `vitest bench --run --reporter=json --outputFile=bench.json`; with Vitest 4, run `vitest bench --outputJson` 10 times and pass every file: each is one run',
  mitata: "keep the samples (`run({ format: 'json' })` keeps them unless `samples: false`), or run the suite 10 times and pass the folder of JSON files",
  benchmarkjs:
    'write the suite as JSON (`JSON.stringify(Array.from(suite))` on `complete`) so every `stats.sample` is kept, or run it 10 times and pass every output file',
  divan: 'run `cargo bench` 10 times and pass the folder of output files: each file is one run',
  'iai-callgrind':
    'run `cargo bench -- --save-summary=json` 10 times, copying `target/iai` to `runs/run-N` after each, and pass `runs`: each summary is one run',
  callgrind: 'run the program under callgrind 10 times (`--callgrind-out-file=run-N.out`) and pass the folder: each file is one run',
  customSmallerIsBetter: 'run your benchmark 10 times and write one entry per run with the same `name`, or run it under `benchgate run`',
  customBiggerIsBetter: 'run your benchmark 10 times and write one entry per run with the same `name`, or run it under `benchgate run`',
};

/**
 * A one-sentence hint on how to get repeated runs from a tool, for comparisons that have one value per side.
 * @param tool the `tool` input (e.g. `go`), or null
 * @returns the hint, with a generic one for an unknown tool
 * @example
 * repeatedRunsHint('go') // => 'run `go test -bench . -count=10` so each benchmark is reported 10 times'
 */
export function repeatedRunsHint(tool: string | null | undefined): string {
  return (tool ? HINTS[tool] : undefined) ?? 'measure each benchmark in at least 5 separate runs and pass every run';
}
