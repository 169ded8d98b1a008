/** One commit for `git fast-import`: files written and deleted on top of a parent. */
export interface FastImportCommit {
  message: string;
  /** Files to write, path → content. */
  write: ReadonlyArray<{ path: string; content: string }>;
  /** Paths to delete. */
  delete?: readonly string[];
}

/** What `renderFastImport` writes. */
export interface FastImportPlan {
  /** The ref fast-import updates, e.g. `refs/benchgate/attempt-1`. */
  ref: string;
  /** `Name <email>` of author and committer. */
  person: string;
  /** The commit the first commit builds on; null starts a new history. */
  parent: string | null;
  /** Commits in order; commit n gets mark `:n` (from 1), each building on the one before. */
  commits: readonly FastImportCommit[];
}

function data(body: string): string {
  return `data ${Buffer.byteLength(body)}\n${body}\n`;
}

/**
 * Renders the input of `git fast-import --date-format=now --done` for a chain of commits, so the
 * store writes them with no checkout and no index. Pure.
 * @param plan ref, author, parent and commits
 * @returns the stream, ending in `done`
 * @example
 * renderFastImport({ ref: 'refs/x', person: 'A <a@b>', parent: null, commits: [{ message: 'm', write: [{ path: 'f', content: 'c' }] }] })
 * // => 'commit refs/x\nmark :1\nauthor A <a@b> now\ncommitter A <a@b> now\ndata 1\nm\nM 100644 inline f\ndata 1\nc\ndone\n'
 */
export function renderFastImport(plan: FastImportPlan): string {
  const person = `${plan.person} now`;
  let stream = '';
  plan.commits.forEach((commit, index) => {
    const mark = index + 1;
    stream += `commit ${plan.ref}\nmark :${mark}\nauthor ${person}\ncommitter ${person}\n${data(commit.message)}`;
    if (index > 0) stream += `from :${mark - 1}\n`;
    else if (plan.parent !== null) stream += `from ${plan.parent}\n`;
    for (const file of commit.delete ?? []) stream += `D ${file}\n`;
    for (const file of commit.write) stream += `M 100644 inline ${file.path}\n${data(file.content)}`;
  });
  return `${stream}done\n`;
}
