import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createBaselineStore } from '../../src/baseline/create-store.ts';
import { createFileStore } from '../../src/baseline/file-store.ts';
import { StoreError } from '../../src/baseline/store.ts';
import { makeResults, minute, recordingLog } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'benchgate-file-store-'));
  dirs.push(dir);
  return dir;
}
const query = { benchmarkSet: 'default', baseBranch: 'main' };
const target = { benchmarkSet: 'default', branch: 'main', commit: 'a'.repeat(40) };

describe('file store', () => {
  test('loads the file as the baseline, naming it', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(makeResults('b'.repeat(40), minute(3))));
    const loaded = await createFileStore({ path: 'baseline.json', workspace: dir }, { log: recordingLog() }).load(query);
    expect(loaded?.choice).toMatchObject({ method: 'file', commit: 'b'.repeat(40), date: minute(3), historyRuns: 0 });
    expect(loaded?.choice.description).toContain('baseline.json');
    expect(loaded?.history).toEqual([]);
  });

  test('a missing file means no baseline yet', async () => {
    const log = recordingLog();
    expect(await createFileStore({ path: 'none.json', workspace: workspace() }, { log }).load(query)).toBeNull();
    expect(log.infos.join()).toContain('none.json');
  });

  test('a corrupt file is skipped with a warning naming it', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'baseline.json'), '{"schema":');
    const log = recordingLog();
    expect(await createFileStore({ path: 'baseline.json', workspace: dir }, { log }).load(query)).toBeNull();
    expect(log.warnings.join()).toContain('baseline.json');
  });

  test('is read-only unless saveBaseline is set', async () => {
    const dir = workspace();
    const file = path.join(dir, 'baseline.json');
    writeFileSync(file, JSON.stringify(makeResults('b'.repeat(40), minute(0))));
    const outcome = await createFileStore({ path: 'baseline.json', workspace: dir }, { log: recordingLog() }).save(
      makeResults('a'.repeat(40), minute(1)),
      target,
    );
    expect(outcome.state).toBe('skipped');
    expect(JSON.parse(readFileSync(file, 'utf8')).commit).toBe('b'.repeat(40));
  });

  test('with saveBaseline, replaces the file and keeps an unreadable old one aside', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'baseline.json'), 'garbage');
    const store = createFileStore({ path: 'baseline.json', workspace: dir, saveBaseline: true }, { log: recordingLog() });
    const outcome = await store.save(makeResults('a'.repeat(40), minute(1)), target);
    expect(outcome.state).toBe('saved');
    expect(outcome.warnings.join()).toContain('unreadable');
    expect((await store.load(query))?.results.commit).toBe('a'.repeat(40));
    const aside = readdirSync(dir).filter((name) => name.startsWith('baseline.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('garbage');
  });

  test('a newer-schema file blocks the write', async () => {
    const dir = workspace();
    const newer = JSON.stringify({ ...makeResults('b'.repeat(40), minute(0)), schema: 'benchgate/results@2' });
    writeFileSync(path.join(dir, 'baseline.json'), newer);
    const store = createFileStore({ path: 'baseline.json', workspace: dir, saveBaseline: true }, { log: recordingLog() });
    await expect(store.save(makeResults('a'.repeat(40), minute(1)), target)).rejects.toThrow(StoreError);
    expect(readFileSync(path.join(dir, 'baseline.json'), 'utf8')).toBe(newer);
  });
});

describe('createBaselineStore', () => {
  const config = {
    baselineStore: 'file' as const,
    baselineFile: 'baseline.json',
    saveBaseline: false,
    dataBranch: 'benchgate-data',
    maxHistory: 100,
    githubToken: '',
  };

  test('the file store needs a file', () => {
    expect(() => createBaselineStore({ ...config, baselineFile: null }, { workspace: '.', log: recordingLog() })).toThrow(/baseline-file/);
  });

  test('builds the file store from the config', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'baseline.json'), JSON.stringify(makeResults('b'.repeat(40), minute(3))));
    const store = createBaselineStore(config, { workspace: dir, log: recordingLog() });
    expect((await store.load(query))?.choice.method).toBe('file');
    expect((await store.save(makeResults('a'.repeat(40), minute(4)), target)).state).toBe('skipped');
  });
});
