import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeResults } from '../../src/results/read-results.ts';
import { writeFileAtomically } from '../../src/results/write-file-atomically.ts';
import { redactDeep, redactText, secretForms } from '../../src/results/redact.ts';
import { registerSecret, registeredSecrets } from '../../src/results/secrets.ts';
import type { Results } from '../../src/results/schema.ts';
import { registerToken } from '../../src/github/register-token.ts';

const token = 'ghs_RedactThisToken0123456789';

describe('redaction', () => {
  test('every occurrence is replaced, the longest secret first', () => {
    expect(redactText(`a ${token} b ${token}`, [token])).toBe('a *** b ***');
    expect(redactText(`x-${token}-y`, ['ghs_Redact', token])).toBe('x-***-y');
    expect(redactText('short abc', ['abc'])).toBe('short abc');
  });

  test('the basic-auth form git sends is a secret too', () => {
    const [plain, basic] = secretForms(token);
    expect(plain).toBe(token);
    expect(Buffer.from(basic!, 'base64').toString()).toBe(`x-access-token:${token}`);
    expect(secretForms('')).toEqual([]);
  });

  test('redactDeep replaces inside nested strings and keys and keeps untouched objects identical', () => {
    const value = { a: [1, 'x', { b: `pre ${token}` }], [token]: 1, clean: { n: 2 } };
    const out = redactDeep(value, [token]);
    expect(out).toEqual({ a: [1, 'x', { b: 'pre ***' }], '***': 1, clean: { n: 2 } });
    expect(out.clean).toBe(value.clean);
    expect(redactDeep(value, [])).toBe(value);
  });

  test('registerToken masks the token in the log and writeResults redacts it', async () => {
    const masked: string[] = [];
    registerToken({ setSecret: (secret) => masked.push(secret) }, token);
    expect(masked).toEqual(secretForms(token));
    expect(registeredSecrets()).toEqual(expect.arrayContaining([token]));
    registerSecret(null);
    const results: Results = {
      schema: 'benchgate/results@1',
      tool: 'benchgate',
      commit: null,
      ref: null,
      createdAt: '2026-12-02T00:00:00.000Z',
      seed: 1,
      environment: { cpuModel: 'c', cores: 1, os: 'linux', arch: 'x64', node: 'v24', runnerImage: null },
      benchmarks: [{ id: 'a/leak', state: 'errored', error: `printed ${token}`, metrics: [] }],
    };
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'redact-')), 'r.json');
    await writeResults(file, results);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(token);
    expect(JSON.parse(text).benchmarks[0].error).toBe('printed ***');
    // The report files go through the same writer.
    const report = path.join(path.dirname(file), 'report.md');
    await writeFileAtomically(report, `| a/leak | printed ${token} |`);
    expect(readFileSync(report, 'utf8')).toBe('| a/leak | printed *** |');
  });
});
