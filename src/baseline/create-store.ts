import type { Config } from '../config/config.ts';
import { createFileStore } from './file-store.ts';
import { createGitBranchStore } from './git-branch-store.ts';
import type { GitRunner } from './run-git.ts';
import { StoreError, type BaselineStore, type StoreLog } from './store.ts';

/**
 * Builds the store the config asks for: the git data branch, or the baseline file.
 * @param config the validated config (`baseline-store`, `baseline-file`, `save-baseline`,
 *   `data-branch`, `max-history`, `github-token`; `data-repository` and its own token keep the
 *   data branch in another repository)
 * @param deps the workspace (the checked-out repository), the log, and optionally a git runner
 * @throws StoreError when the file store is chosen without a file
 */
export function createBaselineStore(
  config: Pick<Config, 'baselineStore' | 'baselineFile' | 'saveBaseline' | 'dataBranch' | 'maxHistory' | 'githubToken'> &
    Partial<Pick<Config, 'dataRepository' | 'dataRepositoryToken'>>,
  deps: { workspace: string; log: StoreLog; git?: GitRunner },
): BaselineStore {
  if (config.baselineStore === 'file') {
    if (!config.baselineFile) throw new StoreError(`input 'baseline-store' is 'file' but 'baseline-file' is not set`, 'invalid');
    return createFileStore({ path: config.baselineFile, saveBaseline: config.saveBaseline, workspace: deps.workspace }, { log: deps.log });
  }
  return createGitBranchStore(
    !config.dataRepository
      ? { workspace: deps.workspace, dataBranch: config.dataBranch, maxHistory: config.maxHistory, token: config.githubToken || null }
      : {
          workspace: deps.workspace,
          dataBranch: config.dataBranch,
          maxHistory: config.maxHistory,
          remoteUrl: config.dataRepository,
          token: config.dataRepositoryToken ?? null,
        },
    deps.git ? { log: deps.log, git: deps.git } : { log: deps.log },
  );
}
