import type { Benchmark, Results } from '../results/schema.ts';
import { buildResults, fileText, makeAggregateMetric } from './build-results.ts';
import { FormatError } from './format-error.ts';
import type { FormatInput } from './format-input.ts';
import { parsePrintedNumber } from './text-runs.ts';
import { parseXml, type XmlElement } from './xml.ts';

/** Whether text is Catch2's XML reporter output with benchmark results. */
export function detectCatch2(input: FormatInput): boolean {
  return input.kind === 'file' && /<Catch[2\s>]/.test(input.text) && /<BenchmarkResults\b/.test(input.text);
}

function numberAttribute(element: XmlElement, name: string, file: string): number {
  const text = element.attributes[name];
  const value = text === undefined ? null : parsePrintedNumber(text.trim());
  if (value === null) throw new FormatError(file, `<${element.name}> needs a numeric '${name}', got ${JSON.stringify(text ?? null)}`, `line ${element.line}`);
  return value;
}

function child(element: XmlElement, name: string, file: string): XmlElement {
  const found = element.children.find((c) => c.name === name);
  if (!found) throw new FormatError(file, `<${element.name}> has no <${name}>`, `line ${element.line}`);
  return found;
}

/**
 * Parses Catch2's XML reporter output (`--reporter xml`, v2 and v3). Catch2 writes only summary
 * statistics per benchmark (all in ns): the `mean` and `standardDeviation` estimates over
 * `samples` samples become an `aggregate` metric. Ids are `<test case>/<sections…>/<benchmark>`.
 * Benchmarks in a test case whose `OverallResult` failed are `errored`.
 * @throws FormatError naming the file and line at fault
 */
export function parseCatch2(input: FormatInput): Results {
  const file = input.path;
  const root = parseXml(fileText(input, 'catch2'), file);
  if (root.name !== 'Catch' && root.name !== 'Catch2TestRun') {
    throw new FormatError(file, `expected a <Catch> or <Catch2TestRun> root element, got <${root.name}>`, `line ${root.line}`);
  }
  const benchmarks: Benchmark[] = [];
  const visit = (element: XmlElement, path: string[], failed: boolean) => {
    for (const node of element.children) {
      if (node.name === 'TestCase' || node.name === 'Section') {
        const result = node.children.find((c) => c.name === 'OverallResult');
        const nodeFailed = failed || result?.attributes.success === 'false';
        visit(node, [...path, node.attributes.name ?? ''], nodeFailed);
      } else if (node.name === 'BenchmarkResults') {
        const name = node.attributes.name;
        if (!name) throw new FormatError(file, '<BenchmarkResults> has no name', `line ${node.line}`);
        const id = [...path, name].filter(Boolean).join('/');
        const deviation = child(node, 'standardDeviation', file);
        const metric = makeAggregateMetric(
          'time',
          'ns',
          { value: numberAttribute(child(node, 'mean', file), 'value', file), name: 'mean', location: `line ${node.line}` },
          { value: numberAttribute(deviation, 'value', file), name: 'standard deviation', location: `line ${deviation.line}` },
          { value: numberAttribute(node, 'samples', file), name: 'samples', location: `line ${node.line}` },
          true,
          file,
        );
        benchmarks.push(failed ? { id, state: 'errored', error: 'the test case failed', metrics: [metric] } : { id, state: 'completed', metrics: [metric] });
      } else {
        visit(node, path, failed);
      }
    }
  };
  visit(root, [], false);
  if (benchmarks.length === 0) throw new FormatError(file, 'no <BenchmarkResults> found; run the benchmarks with --reporter xml');
  return buildResults('catch2', input, benchmarks);
}
