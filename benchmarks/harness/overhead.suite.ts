/**
 * Tasks for the harness-overhead benchmark (not part of the default suite: no `.bench.` in the name).
 * They span three orders of magnitude of latency so overhead shows wherever it would matter.
 */
import { Bench } from 'tinybench';

const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
const payload = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `n${i}` })) });

const bench = new Bench();
bench
  .add('array-sum', () => {
    let total = 0;
    for (let i = 0; i < 1000; i++) total += i * i;
    return total;
  })
  .add('string-join', () => words.join(','))
  .add('json-parse', () => JSON.parse(payload) as unknown);

export default bench;
