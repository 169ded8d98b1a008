// One `benchgate compare` in this process, for benchmarks/scale.ts; prints the peak memory to stderr.
import { main } from '../src/cli.ts';

const [dir, tool, base, current] = process.argv.slice(2) as [string, string, string, string];
const code = await main(['compare', base, current, '--tool', tool, '--report-json', `${dir}/report.json`, '--report-markdown', `${dir}/report.md`], dir, {});
process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
