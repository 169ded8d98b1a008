import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/** Guards the workflows and the README's examples against drifting from action.yml's inputs. */

const root = path.resolve(import.meta.dirname, '../..');

function actionInputs(): Set<string> {
  const text = readFileSync(path.join(root, 'action.yml'), 'utf8');
  const section = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'));
  return new Set([...section.matchAll(/^ {2}([a-z][a-z0-9-]*):\s*$/gm)].map((m) => m[1] ?? ''));
}

/** The `with:` keys of every step that uses benchgate (`./` or `…/benchgate@…`). */
function benchgateInputsUsed(yamlText: string): string[][] {
  const lines = yamlText.split('\n');
  const uses: string[][] = [];
  lines.forEach((line, index) => {
    if (!/^\s*(-\s+)?uses:\s*(\.\/|[\w-]+\/benchgate@)/.test(line)) return;
    const stepIndent = line.search(/\S/);
    const keys: string[] = [];
    let inWith = false;
    let withIndent = 0;
    for (const next of lines.slice(index + 1)) {
      if (next.trim() === '' || next.trim().startsWith('#')) continue;
      const indent = next.search(/\S/);
      if (indent <= stepIndent && next.trim().startsWith('-')) break;
      if (indent < stepIndent) break;
      if (/^\s*with:\s*$/.test(next)) {
        inWith = true;
        withIndent = indent;
        continue;
      }
      if (inWith && indent > withIndent) {
        const key = /^\s*([a-z][a-z0-9-]*):/.exec(next)?.[1];
        if (key !== undefined && indent === withIndent + 2) keys.push(key);
      } else if (inWith) inWith = false;
    }
    uses.push(keys);
  });
  return uses;
}

const workflowDir = path.join(root, '.github/workflows');
const sources = [
  ...readdirSync(workflowDir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => ({ name: `.github/workflows/${f}`, text: readFileSync(path.join(workflowDir, f), 'utf8') }))
    // ci.yml runs the tests and does not use the action; benchmarks.yml and its companion must (tested below).
    .filter((workflow) => benchgateInputsUsed(workflow.text).length > 0),
  // README examples that use benchgate (the migration section also shows the action it replaces).
  ...[...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m, i) => ({ name: `README.md yaml block ${i + 1}`, text: m[1] ?? '' }))
    .filter((block) => benchgateInputsUsed(block.text).length > 0),
];

describe('workflows use only inputs that action.yml declares', () => {
  test('the README shows the quick start and both fork workflows', () => {
    expect(sources.filter((source) => source.name.startsWith('README.md')).length).toBeGreaterThanOrEqual(3);
  });

  test.each(sources.map((s) => [s.name, s.text] as const))('%s', (_, text) => {
    const inputs = actionInputs();
    const used = benchgateInputsUsed(text);
    expect(used.length).toBeGreaterThan(0);
    for (const key of used.flat()) expect(inputs, `input '${key}'`).toContain(key);
  });

  test('the repository runs the action on itself, and the companion posts in comment mode', () => {
    const own = readFileSync(path.join(workflowDir, 'benchmarks.yml'), 'utf8');
    expect(own).toMatch(/uses: \.\/\s*$/m);
    expect(own).toMatch(/fetch-depth: 0/);
    expect(own).toMatch(/node-version: 24/);
    const companion = readFileSync(path.join(workflowDir, 'benchmarks-comment.yml'), 'utf8');
    expect(companion).toMatch(/workflow_run:/);
    expect(companion).toMatch(/mode: comment/);
    expect(benchgateInputsUsed(companion)[0]).toEqual(expect.arrayContaining(['mode', 'report-file']));
  });

  test('the extractor finds a misspelled input (so the check can fail)', () => {
    const used = benchgateInputsUsed('steps:\n  - uses: ./\n    with:\n      treshold: 5%\n      runs: 3\n  - run: echo\n');
    expect(used).toEqual([['treshold', 'runs']]);
    expect(actionInputs().has('treshold')).toBe(false);
  });
});
