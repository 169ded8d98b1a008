import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchTip, listFolder, openDataRepo } from './data-repo.ts';
import { GitCommandError, runGit, type GitRunner } from './run-git.ts';
import { StoreError, type StoreLog } from './store.ts';

/** One file to publish, relative to the published folder. */
export interface PublishedFile {
  path: string;
  content: string | Buffer;
}

/** Where and how `publishFolder` writes. */
export interface PublishFolderOptions {
  /** The checked-out repository (for its remote URL and credentials). */
  workspace: string;
  /** @default 'origin' */
  remote: string;
  /** The data repository's URL; null reads `git remote get-url <remote>`. @default null */
  remoteUrl: string | null;
  /** @default 'benchgate-data' */
  dataBranch: string;
  /** The folder of the data branch that the files replace, e.g. `dashboard`. */
  folder: string;
  /** A token for https remotes; null copies the workspace's `http.*.extraheader` (actions/checkout). @default null */
  token: string | null;
  /** Push attempts when other writers get in first. @default 8 */
  maxAttempts: number;
  /** Commit message. */
  message: string;
  /** @default github-actions[bot] */
  author: { name: string; email: string };
}

/** What `publishFolder` did. */
export type PublishOutcome = { state: 'published'; commit: string; attempts: number } | { state: 'unchanged'; commit: string };

const REJECTED_PUSH = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value|stale info/i;

/**
 * Replaces one folder of the data branch with the given files, in one commit on top of the
 * branch's tip (created when the branch does not exist), and pushes it without force, retrying on
 * top of the new tip when another writer pushed first (exponential backoff with full jitter).
 * It never touches anything outside the folder except a `.nojekyll` marker at the root (so GitHub
 * Pages serves the files as they are), and refuses a folder that holds something other than a
 * previous publication (no `manifest.json` at its top), so it cannot delete stored runs.
 * Nothing is pushed when the folder's content would not change.
 * @param files the folder's new content
 * @param options remote, branch, folder, credentials, message
 * @param deps git runner, log, clock and randomness (for tests)
 * @returns the commit now holding the folder
 * @throws StoreError ('invalid' for a bad folder or one holding other files, 'push-exhausted', 'git')
 */
export async function publishFolder(
  files: readonly PublishedFile[],
  options: Partial<PublishFolderOptions> & Pick<PublishFolderOptions, 'workspace' | 'folder' | 'message'>,
  deps: { git?: GitRunner; log: StoreLog; sleep?: (ms: number) => Promise<void>; random?: () => number },
): Promise<PublishOutcome> {
  const settings = {
    remote: 'origin',
    remoteUrl: null,
    dataBranch: 'benchgate-data',
    token: null,
    maxAttempts: 8,
    author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
    ...options,
  };
  const git = deps.git ?? runGit;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const folder = settings.folder.replace(/^\/+|\/+$/g, '');
  if (folder === '' || folder.split('/').some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) {
    throw new StoreError(`the publishing folder must be a relative path without '.', '..' or hidden parts, got '${settings.folder}'`, 'invalid');
  }
  for (const file of files) {
    if (file.path.split('/').some((part) => part === '' || part === '.' || part === '..'))
      throw new StoreError(`cannot publish '${file.path}': not a plain relative path`, 'invalid');
  }
  const repo = await openDataRepo(
    git,
    {
      workspace: path.resolve(settings.workspace),
      remote: settings.remote,
      remoteUrl: settings.remoteUrl,
      token: settings.token,
      tempDir: null,
      dataBranch: settings.dataBranch,
    },
    false,
  );
  const text = async (args: string[]) => (await repo.run(args)).toString('utf8').trim();
  try {
    for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
      const tip = await fetchTip(repo, settings.dataBranch);
      if (tip !== null) {
        const names = await listFolder(repo, tip, folder);
        if (names.length > 0 && !names.includes('manifest.json')) {
          throw new StoreError(
            `'${settings.dataBranch}:${folder}' holds files that are not a published dashboard (no manifest.json); refusing to replace them`,
            'invalid',
          );
        }
      }
      const person = `${settings.author.name} <${settings.author.email}> now`;
      const data = (body: string | Buffer) => {
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        return Buffer.concat([Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')]);
      };
      const ref = `refs/benchgate/publish-${attempt}`;
      const parts: Buffer[] = [Buffer.from(`commit ${ref}\nmark :1\nauthor ${person}\ncommitter ${person}\n`), data(settings.message)];
      if (tip !== null) parts.push(Buffer.from(`from ${tip}\n`));
      parts.push(Buffer.from(`D ${folder}\n`));
      parts.push(Buffer.from('M 100644 inline .nojekyll\n'), data(''));
      for (const file of files) parts.push(Buffer.from(`M 100644 inline ${folder}/${file.path}\n`), data(file.content));
      parts.push(Buffer.from('done\n'));
      const marks = path.join(repo.dir, `marks-${attempt}`);
      await repo.run(['fast-import', '--quiet', '--date-format=now', '--done', `--export-marks=${marks}`], Buffer.concat(parts));
      const head = (await readFile(marks, 'utf8')).trim().split(' ')[1]!;
      if (tip !== null && (await text(['rev-parse', `${head}^{tree}`])) === (await text(['rev-parse', `${tip}^{tree}`]))) {
        deps.log.info(`'${settings.dataBranch}:${folder}' is already up to date`);
        return { state: 'unchanged', commit: tip };
      }
      try {
        await repo.run(['push', '--quiet', 'origin', `${head}:refs/heads/${settings.dataBranch}`]);
        deps.log.info(`published ${files.length} file(s) to '${settings.dataBranch}:${folder}'`);
        return { state: 'published', commit: head, attempts: attempt };
      } catch (error: unknown) {
        const stderr = error instanceof GitCommandError ? `${error.stderr}\n${error.message}` : String(error);
        if (!REJECTED_PUSH.test(stderr)) throw error;
        if (attempt === settings.maxAttempts) break;
        const wait = Math.round(Math.min(15_000, 500 * 2 ** (attempt - 1)) * random());
        deps.log.info(`push to '${settings.dataBranch}' was rejected (another writer was first); attempt ${attempt + 1} in ${wait} ms`);
        await sleep(wait);
      }
    }
    throw new StoreError(
      `gave up publishing to '${settings.dataBranch}:${folder}' after ${settings.maxAttempts} attempts: other writers kept pushing first`,
      'push-exhausted',
    );
  } catch (error: unknown) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot publish to '${settings.dataBranch}:${folder}': ${(error as Error).message}`, 'git');
  } finally {
    await repo.close();
  }
}
