/**
 * Scale: peak memory and time of `benchgate compare` on ~50 MB inputs, per format family
 * (a JSON array, text lines, XML, benchgate's own results file), and for 1.3 million benchmarks.
 * Each case writes a baseline and a current file (every value 10 % slower) to a temporary
 * folder, then runs the real CLI (`src/cli.ts main`) in a fresh Node process and reads that
 * process's peak resident memory (`process.resourceUsage().maxRSS`) and wall time.
 *
 *   npx node benchmarks/scale.ts                 # every case
 *   npx node benchmarks/scale.ts custom-1.3M     # one case by name
 *
 * The machine is shared: times are indicative; memory is what the issue bounds (1.5 GB).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Case {
  name: string;
  tool: string;
  extension: string;
  count: number;
  /** Writes the file, calling `write` with chunks; `scale` multiplies every value. */
  render: (count: number, scale: number, write: (chunk: string) => Promise<void>) => Promise<void>;
}

const value = (i: number, scale: number) => ((100 + (i % 97)) * scale).toFixed(1);
const name = (i: number) => `b${String(i).padStart(7, '0')}`;

async function lines(count: number, per: (i: number) => string, write: (chunk: string) => Promise<void>, head = '', tail = '') {
  await write(head);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += per(i);
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk + tail);
}

const environment = { cpuModel: 'scale', cores: 2, os: 'linux', arch: 'x64', node: 'v24', runnerImage: null };

const CASES: Case[] = [
  {
    name: 'custom-1.3M',
    tool: 'customSmallerIsBetter',
    extension: 'json',
    count: 1_300_000,
    render: (count, scale, write) => lines(count, (i) => `${i ? ',' : ''}{"name":"${name(i)}","unit":"ns","value":${value(i, scale)}}\n`, write, '[', ']\n'),
  },
  {
    name: 'cargo-text-50MB',
    tool: 'cargo',
    extension: 'txt',
    count: 1_100_000,
    render: (count, scale, write) => lines(count, (i) => `test ${name(i)} ... bench: ${Math.round(Number(value(i, scale)))} ns/iter (+/- 4)\n`, write),
  },
  {
    name: 'go-text-50MB',
    tool: 'go',
    extension: 'txt',
    count: 1_300_000,
    render: (count, scale, write) => lines(count, (i) => `Benchmark${name(i)}-2 1000000 ${value(i, scale)} ns/op\n`, write, 'pkg: scale\n'),
  },
  {
    name: 'catch2-xml-50MB',
    tool: 'catch2',
    extension: 'xml',
    count: 200_000,
    render: (count, scale, write) =>
      lines(
        count,
        (i) =>
          `<BenchmarkResults name="${name(i)}" samples="20" iterations="7"><mean value="${value(i, scale)}" lowerBound="1" upperBound="2"/><standardDeviation value="3.5" lowerBound="1" upperBound="2"/></BenchmarkResults>\n`,
        write,
        '<?xml version="1.0" encoding="UTF-8"?>\n<Catch name="scale"><Group name="scale"><TestCase name="t">\n',
        '</TestCase></Group></Catch>\n',
      ),
  },
  {
    name: 'benchgate-json-50MB',
    tool: 'benchgate',
    extension: 'json',
    count: 300_000,
    render: (count, scale, write) =>
      lines(
        count,
        (i) =>
          `${i ? ',' : ''}{"id":"s/${name(i)}","state":"completed","metrics":[{"name":"latency-p50","unit":"ns","direction":"smaller","gate":true,"observation":"process","runs":[${value(i, scale)},${value(i + 1, scale)},${value(i + 2, scale)}]}]}\n`,
        write,
        `{"schema":"benchgate/results@1","tool":"benchgate","commit":null,"ref":null,"createdAt":"2026-12-02T00:00:00.000Z","seed":1,"environment":${JSON.stringify(environment)},"benchmarks":[`,
        ']}\n',
      ),
  },
];

async function writeCase(file: string, c: Case, scale: number): Promise<number> {
  const stream = createWriteStream(file);
  const write = (chunk: string) => new Promise<void>((resolve) => (stream.write(chunk) ? resolve() : stream.once('drain', resolve)));
  await c.render(c.count, scale, write);
  await new Promise<void>((resolve) => stream.end(resolve));
  return statSync(file).size;
}

function runCompare(dir: string, c: Case, base: string, current: string): Promise<{ code: number | null; maxRssMb: number; seconds: number; stderr: string }> {
  const child = path.join(here, 'scale-child.ts');
  return new Promise((resolve) => {
    const started = Date.now();
    const proc = spawn(process.execPath, [child, dir, c.tool, base, current], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('exit', (code) => {
      const rss = /maxRSS (\d+)/.exec(stderr);
      resolve({ code, maxRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, seconds: (Date.now() - started) / 1000, stderr });
    });
  });
}

// The same families at the largest accepted size (MAX_BENCHMARKS = 100,000 benchmarks per file).
for (const family of [...CASES]) {
  CASES.push({ ...family, name: `${family.name.split('-')[0]}-100k`, count: 100_000 });
}

const wanted = process.argv.slice(2);
for (const c of CASES.filter((one) => wanted.length === 0 || wanted.includes(one.name))) {
  const dir = mkdtempSync(path.join(tmpdir(), 'benchgate-scale-'));
  try {
    const base = path.join(dir, `base.${c.extension}`);
    const current = path.join(dir, `current.${c.extension}`);
    const size = await writeCase(base, c, 1);
    await writeCase(current, c, 1.1);
    const outcome = await runCompare(dir, c, base, current);
    const lines = outcome.stderr
      .trim()
      .split('\n')
      .filter((line) => line && !line.startsWith('maxRSS'));
    const last = (lines.find((line) => /Error|error|heap/.test(line)) ?? lines.at(-1) ?? '').trim();
    console.log(
      `${c.name.padEnd(22)} ${c.tool.padEnd(22)} ${String(c.count).padStart(9)} benchmarks ${(size / 1e6).toFixed(1).padStart(6)} MB per file: exit ${outcome.code}, peak ${outcome.maxRssMb.toFixed(0)} MB, ${outcome.seconds.toFixed(1)} s${last ? ` (${last.slice(0, 300)})` : ''}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
