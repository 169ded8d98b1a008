/**
 * The address of one benchmark on a published dashboard: the page filtered to that benchmark of
 * that set and branch (the page keeps its filters in the query string, so the link is the view).
 * @param baseUrl where the dashboard is served, e.g. `https://octo.github.io/repo/dashboard/`
 * @param benchmarkSet the benchmark set
 * @param branch the branch whose history to show, e.g. `main`
 * @param benchmark the benchmark id
 * @returns an absolute URL
 * @example
 * dashboardUrl('https://octo.github.io/repo/dashboard', 'default', 'main', 'json/parse') // => 'https://octo.github.io/repo/dashboard/?set=default&branch=main&bench=json%2Fparse'
 */
export function dashboardUrl(baseUrl: string, benchmarkSet: string, branch: string, benchmark: string): string {
  const url = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.search = new URLSearchParams({ set: benchmarkSet, branch, bench: benchmark }).toString();
  return url.toString();
}

/**
 * Where GitHub Pages serves a folder of a repository's Pages branch when no custom domain is set:
 * `https://<owner>.github.io/<repo>/<folder>/`, or `https://<owner>.github.io/<folder>/` for the
 * owner's own `<owner>.github.io` repository. The action's default for the dashboard's address.
 * @param repository `owner/repo`, as in `GITHUB_REPOSITORY`
 * @param folder the published folder, e.g. `dashboard`
 * @returns the base URL, ending in `/`
 * @throws Error when `repository` is not `owner/repo`
 * @example
 * githubPagesUrl('Octo/repo', 'dashboard') // => 'https://octo.github.io/repo/dashboard/'
 */
export function githubPagesUrl(repository: string, folder: string): string {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) throw new Error(`expected a repository as owner/repo, got '${repository}'`);
  const owner = match[1]!.toLowerCase();
  const site = `https://${owner}.github.io/`;
  const path = folder.split('/').filter(Boolean).map(encodeURIComponent).join('/');
  return match[2]!.toLowerCase() === `${owner}.github.io` ? `${site}${path}/` : `${site}${encodeURIComponent(match[2]!)}/${path}/`;
}
