import { describe, expect, test } from 'vitest';
import {
  applyRetention,
  branchFolder,
  chooseFileName,
  commitOfFile,
  parseIndex,
  rankCandidates,
  renderIndex,
  summarizeJob,
  type IndexEntry,
} from '../../src/baseline/layout.ts';
import { shouldSave } from '../../src/baseline/should-save.ts';
import { StoreError } from '../../src/baseline/store.ts';
import { makeResults, minute } from './helpers.ts';

const entry = (commit: string, n: number, file = `${commit}.json`): IndexEntry => ({
  file,
  commit,
  createdAt: minute(n),
  environment: makeResults(commit, minute(n)).environment,
});

describe('shouldSave', () => {
  test.each([
    ['push to the default branch', { eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main', saveOn: [] }, true],
    ['push to another branch', { eventName: 'push', ref: 'refs/heads/dev', defaultBranch: 'main', saveOn: [] }, false],
    ['push to a save-on branch', { eventName: 'push', ref: 'refs/heads/dev', defaultBranch: 'main', saveOn: ['dev'] }, true],
    ['save-on replaces the default', { eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main', saveOn: ['dev'] }, false],
    ['pull_request', { eventName: 'pull_request', ref: 'refs/pull/1/merge', defaultBranch: 'main', saveOn: ['main'] }, false],
    ['pull_request on a save-on name', { eventName: 'pull_request', ref: 'refs/heads/main', defaultBranch: 'main', saveOn: ['main'] }, false],
    ['pull_request_target', { eventName: 'pull_request_target', ref: 'refs/heads/main', defaultBranch: 'main', saveOn: [] }, false],
    ['push of a tag', { eventName: 'push', ref: 'refs/tags/main', defaultBranch: 'main', saveOn: [] }, false],
    ['no default branch known', { eventName: 'push', ref: 'refs/heads/main', defaultBranch: null, saveOn: [] }, false],
  ])('%s', (_name, event, expected) => {
    expect(shouldSave(event)).toBe(expected);
  });
});

describe('layout', () => {
  test('branch folders encode slashes and refuse dot names', () => {
    expect(branchFolder('default', 'feature/x')).toBe('default/feature%2Fx');
    expect(() => branchFolder('..', 'main')).toThrow(StoreError);
  });

  test('file names never collide with a stored run', () => {
    expect(chooseFileName('abc1234', new Set())).toBe('abc1234.json');
    expect(chooseFileName('abc1234', new Set(['abc1234.json', 'abc1234-2.json']))).toBe('abc1234-3.json');
    expect(commitOfFile('abc1234-3.json')).toBe('abc1234');
    expect(commitOfFile('index.json')).toBeNull();
  });

  test('retention keeps the newest', () => {
    const entries = [entry('c'.repeat(7), 3), entry('b'.repeat(7), 2), entry('a'.repeat(7), 1)];
    expect(applyRetention(entries, 2)).toEqual({ keep: entries.slice(0, 2), drop: entries.slice(2) });
  });

  test('an index round-trips, and a newer one is recognised', () => {
    const text = renderIndex('default', 'main', [entry('a'.repeat(7), 1)]);
    expect(parseIndex(text)).toMatchObject({ state: 'ok', index: { branch: 'main' } });
    expect(parseIndex(text.replace('@1', '@2')).state).toBe('newer');
    expect(parseIndex('{').state).toBe('invalid');
  });

  test('candidates follow the first-parent line, then fall back newest first', () => {
    const entries = [entry('d'.repeat(7), 4), entry('b'.repeat(7), 3, 'bbbbbbb-2.json'), entry('b'.repeat(7), 2), entry('a'.repeat(7), 1)];
    const ranked = rankCandidates(entries, ['c'.repeat(7), 'b'.repeat(7), 'a'.repeat(7)]);
    expect(ranked.map((c) => [c.entry.file, c.method, c.distance])).toEqual([
      ['bbbbbbb-2.json', 'ancestor', 1],
      ['bbbbbbb.json', 'ancestor', 1],
      ['aaaaaaa.json', 'ancestor', 2],
      ['ddddddd.json', 'latest-on-branch', null],
    ]);
  });

  test('a job is summarized by the median of each metric, skipping errored benchmarks', () => {
    const results = makeResults('a'.repeat(7), minute(0), [4, 1, 3, 2]);
    results.benchmarks.push({ id: 'suite/broken', state: 'errored', error: 'boom', metrics: results.benchmarks[0]!.metrics });
    expect(summarizeJob(results, 'a'.repeat(7))).toEqual({ commit: 'a'.repeat(7), centers: { 'suite/task::time': 2.5 } });
  });
});
