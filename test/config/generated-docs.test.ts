import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderActionYml, renderReadme } from '../../scripts/docs.ts';
import { COMMANDS } from '../../src/cli.ts';
import { findInput, listInputs } from '../../src/config/schema.ts';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('action.yml, the README and --help come from the config schema', () => {
  test("action.yml's inputs and outputs match the schema (run 'npm run gen' after changing it)", () => {
    const current = read('action.yml');
    expect(renderActionYml(current)).toBe(current);
  });

  test("the README's inputs table and CLI help match the schema (run 'npm run gen')", () => {
    const current = read('README.md');
    expect(renderReadme(current)).toBe(current);
  });

  test('every action input appears in action.yml exactly once, and no other', () => {
    const names = [...read('action.yml').matchAll(/^ {2}([a-z-]+):\n {4}description:/gm)].map((match) => match[1]);
    const inputs = listInputs()
      .filter((entry) => entry.surface !== 'cli')
      .map((entry) => entry.name);
    expect(names.slice(0, inputs.length)).toEqual(inputs);
  });

  test('every CLI flag is a CLI input of the schema', () => {
    for (const command of COMMANDS) {
      for (const flag of command.flags) expect(findInput(flag)?.surface, `${command.name} --${flag}`).not.toBe('action');
    }
  });

  test('input names are kebab-case and unique, aliases included', () => {
    const names = listInputs().flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
