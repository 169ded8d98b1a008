/**
 * A suite with a known, switchable slowdown, for the A/A and A/B experiment (`aa-ab.ts`).
 * Not part of the default suite (no `.bench.` in the name).
 *
 * `BENCHGATE_SLOWDOWN=scaled-a=1.2,scaled-b=1.05` multiplies the work of task `scaled-a` by 1.2
 * and of `scaled-b` by 1.05; the work is a fixed arithmetic loop, so its time scales with it.
 * `steady` never changes.
 */
import { Bench } from 'tinybench';

const TASKS = ['scaled-a', 'scaled-b', 'steady'] as const;
/** Loop iterations of one call at factor 1 (≈ 0.1–0.2 ms here). */
const BASE_WORK = 10_000;

function parseSlowdown(spec: string | undefined): Record<string, number> {
  const factors: Record<string, number> = {};
  for (const part of (spec ?? '').split(',')) {
    if (!part.trim()) continue;
    const [task, value] = part.split('=').map((s) => s.trim());
    const factor = Number(value);
    if (!TASKS.includes(task as (typeof TASKS)[number]) || !(factor > 0)) {
      throw new Error(`BENCHGATE_SLOWDOWN: '${part}' must be <task>=<factor> with task one of ${TASKS.join(', ')}`);
    }
    factors[task!] = factor;
  }
  return factors;
}

const factors = parseSlowdown(process.env.BENCHGATE_SLOWDOWN);

function work(iterations: number): number {
  let x = 0.5;
  for (let i = 0; i < iterations; i++) x = (x * 1.000001 + i * 1e-9) % 7;
  return x;
}

const bench = new Bench();
for (const task of TASKS) {
  const iterations = Math.round(BASE_WORK * (factors[task] ?? 1));
  bench.add(task, () => work(iterations));
}

export default bench;
