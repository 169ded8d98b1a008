import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FolderFile } from '../../src/formats/format-input.ts';
import { fixture, fixtureText } from './helpers.ts';

function listFiles(root: string, rel = ''): FolderFile[] {
  return readdirSync(path.join(root, rel)).flatMap((name) => {
    const child = rel ? `${rel}/${name}` : name;
    return statSync(path.join(root, child)).isDirectory() ? listFiles(root, child) : [{ path: child, text: fixtureText(path.join('criterion/base', child)) }];
  });
}

/** The files of the criterion `base` fixture that the adapter reads. */
export function criterionFolder(): FolderFile[] {
  return listFiles(fixture('criterion/base')).filter((f) => !f.path.endsWith('estimates.json'));
}
