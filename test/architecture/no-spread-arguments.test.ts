/**
 * No spread of an array into a call's arguments anywhere under src/ (`Math.min(...values)`,
 * `list.push(...more)`, `new Set(...)` with a spread): every argument takes a slot on the stack,
 * so a large array (125,000 benchmarks) crashes with "Maximum call stack size exceeded". Use a
 * loop or `reduce` instead. This parses every source file with the TypeScript compiler and
 * names each spread argument it finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

function listSources(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every spread argument of a call or `new` in a source text, as `file:line: text`. */
function findSpreadArguments(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const argument of node.arguments) {
        if (ts.isSpreadElement(argument)) {
          const { line } = source.getLineAndCharacterOfPosition(argument.getStart());
          found.push(`${path.relative(src, file)}:${line + 1}: ${node.getText().split('\n')[0]!.slice(0, 100)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the check finds a spread argument and ignores spreads into array and object literals', () => {
  const text = 'const a = Math.min(...values);\nconst b = [...values];\nconst c = { ...object };\nlist.push(1, ...more);\n';
  expect(findSpreadArguments(path.join(src, 'x.ts'), text)).toEqual(['x.ts:1: Math.min(...values)', 'x.ts:4: list.push(1, ...more)']);
});

test('no source file under src/ spreads an array into call arguments', () => {
  const found = listSources().flatMap((file) => findSpreadArguments(file, readFileSync(file, 'utf8')));
  expect(found).toEqual([]);
});
