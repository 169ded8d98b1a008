import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/compare/parse-report.ts';
import { regressions } from '../report/fixtures.ts';

describe('parseReport (the report-file of mode: comment)', () => {
  test('reads a benchgate/report@2 file', () => {
    expect(parseReport(JSON.stringify(regressions), 'r.json')).toEqual(regressions);
  });

  test('an old benchgate/report@1 file gets a clear error naming the file, both versions and what to do', () => {
    const old = { ...regressions, schema: 'benchgate/report@1' };
    expect(() => parseReport(JSON.stringify(old), 'artifacts/report.json')).toThrow(
      /^report file artifacts\/report\.json is a benchgate\/report@1 file, written by an older benchgate; this benchgate reads benchgate\/report@2\. Use the same benchgate version/,
    );
  });

  test('a newer or missing schema tag, bad JSON and a bad field are named', () => {
    expect(() => parseReport(JSON.stringify({ ...regressions, schema: 'benchgate/report@9' }), 'r.json')).toThrow(/schema 'benchgate\/report@9'.*newer/);
    expect(() => parseReport('{}', 'r.json')).toThrow(/no 'schema' field/);
    expect(() => parseReport('{', 'r.json')).toThrow(/^report file r\.json is not valid JSON/);
    const broken = { ...regressions, comparisons: [{ ...regressions.comparisons[0], reason: 'a sentence' }] };
    expect(() => parseReport(JSON.stringify(broken), 'r.json')).toThrow(/field 'comparisons\.0\.reason'/);
  });
});
