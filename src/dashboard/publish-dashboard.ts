import { publishFolder, type PublishOutcome } from '../baseline/publish-folder.ts';
import type { GitRunner } from '../baseline/run-git.ts';
import type { StoreLog } from '../baseline/store.ts';
import { DEFAULT_DETECT_OPTIONS, type DetectOptions } from '../history/index.ts';
import { checkoutDataBranch } from '../history-io/checkout-data-branch.ts';
import { renderSite } from './build-site.ts';

/** Settings of `publishDashboard` (the action's `dashboard` input). */
export interface PublishDashboardOptions {
  workspace: string;
  /** @default 'benchgate-data' */
  dataBranch: string;
  /** The folder of the data branch to publish to. @default 'dashboard' */
  folder: string;
  /** Commit link template with `{commit}`, e.g. `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/commit/{commit}`. */
  commitUrl: string | null;
  /** A token for https remotes; null uses the checkout's credentials. @default null */
  token: string | null;
  /** @default DEFAULT_DETECT_OPTIONS */
  detection: DetectOptions;
}

/**
 * Rebuilds the dashboard from the data branch's current content and publishes it to a folder of
 * the same branch (for GitHub Pages: source = the data branch, folder = / ; the page is then at
 * `https://<owner>.github.io/<repo>/<folder>/`). Call it after the run was stored.
 * @param options workspace, data branch, folder, links, token, detection
 * @param deps log and git runner
 * @returns what the push did, and the site's size
 */
export async function publishDashboard(
  options: Partial<PublishDashboardOptions> & { workspace: string },
  deps: { log: StoreLog; git?: GitRunner },
): Promise<PublishOutcome & { files: number; bytes: number; warnings: string[] }> {
  const dataBranch = options.dataBranch ?? 'benchgate-data';
  const folder = options.folder ?? 'dashboard';
  const checkout = await checkoutDataBranch({ workspace: options.workspace, dataBranch }, deps.git);
  try {
    const site = await renderSite({
      dataFolder: checkout.folder,
      commitUrl: options.commitUrl ?? null,
      detection: options.detection ?? DEFAULT_DETECT_OPTIONS,
    });
    for (const warning of site.warnings) deps.log.warning(warning);
    const outcome = await publishFolder(
      site.files,
      {
        workspace: options.workspace,
        dataBranch,
        folder,
        token: options.token ?? null,
        message: `benchgate: publish the dashboard (${site.files.length - 2} benchmark(s))`,
      },
      deps.git ? { git: deps.git, log: deps.log } : { log: deps.log },
    );
    return { ...outcome, files: site.files.length, bytes: site.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0), warnings: site.warnings };
  } finally {
    await checkout.close();
  }
}
