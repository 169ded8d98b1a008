/**
 * Renders the parts of action.yml and README.md that come from the config schema: the action's
 * inputs and outputs, the README's inputs table, and the CLI's help. `scripts/gen.ts` writes them;
 * test/config/generated-docs.test.ts fails when the committed files differ.
 */
import { renderCommandHelp } from '../src/cli-command.ts';
import { COMMANDS } from '../src/cli.ts';
import { ACTION_OUTPUTS, listInputs, type InputEntry } from '../src/config/schema.ts';

/** The marker pairs around the generated README blocks. */
export const README_BLOCKS = {
  inputs: ['<!-- generated:inputs (npm run gen) -->', '<!-- /generated:inputs -->'],
  cli: ['<!-- generated:cli (npm run gen) -->', '<!-- /generated:cli -->'],
} as const;

const ACTION_YML_NOTE = '# inputs and outputs are generated from src/config/schema.ts by `npm run gen`';

const yamlString = (text: string) => JSON.stringify(text);

function actionInputs(): InputEntry[] {
  return listInputs().filter((entry) => entry.surface !== 'cli');
}

/**
 * action.yml with its `inputs:` and `outputs:` blocks generated; the rest is kept as it is.
 * @param current the file's text
 * @returns the new text
 * @throws Error when the file has no `inputs:` … `runs:` section to replace
 */
export function renderActionYml(current: string): string {
  const marker = current.indexOf(`\n${ACTION_YML_NOTE}\n`);
  const start = marker >= 0 ? marker : current.indexOf('\ninputs:\n');
  const end = current.indexOf('\nruns:\n');
  if (start < 0 || end < start) throw new Error("action.yml: expected an 'inputs:' section followed by 'runs:'");
  const lines = ['', ACTION_YML_NOTE, 'inputs:'];
  for (const entry of actionInputs()) {
    lines.push(`  ${entry.name}:`, `    description: ${yamlString(entry.description)}`, `    default: ${yamlString(entry.actionDefault ?? entry.default)}`);
  }
  lines.push('', 'outputs:');
  for (const output of ACTION_OUTPUTS) lines.push(`  ${output.name}:`, `    description: ${yamlString(output.description)}`);
  lines.push('');
  return `${current.slice(0, start)}${lines.join('\n')}${current.slice(end)}`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function inputsTable(): string {
  const rows = ['| input | default | what it does |', '|---|---|---|'];
  for (const entry of actionInputs()) {
    const fallback = entry.actionDefault ?? entry.default;
    rows.push(`| \`${entry.name}\` | ${fallback === '' ? '(empty)' : `\`${cell(fallback)}\``} | ${cell(entry.description)} |`);
  }
  rows.push('', '| output | what it holds |', '|---|---|');
  for (const output of ACTION_OUTPUTS) rows.push(`| \`${output.name}\` | ${cell(output.description)} |`);
  return rows.join('\n');
}

function cliHelp(): string {
  return COMMANDS.map((command) => ['```text', `$ npx benchgate ${command.name} --help`, renderCommandHelp(command), '```'].join('\n')).join('\n\n');
}

function replaceBlock(text: string, [open, close]: readonly [string, string], body: string): string {
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md: the markers ${open} … ${close} are missing`);
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}

/**
 * README.md with its generated blocks (the inputs table, the CLI help) rendered.
 * @param current the file's text
 * @returns the new text
 * @throws Error when a marker pair is missing
 */
export function renderReadme(current: string): string {
  return replaceBlock(replaceBlock(current, README_BLOCKS.inputs, inputsTable()), README_BLOCKS.cli, cliHelp());
}
