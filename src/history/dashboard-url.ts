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
