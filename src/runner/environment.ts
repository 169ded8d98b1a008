import os from 'node:os';
import type { Environment } from '../results/schema.ts';

/**
 * Describes this machine for the results file, so compare can warn when two sides differ.
 * @param env the process environment (GitHub-hosted runners set `ImageOS` and `ImageVersion`)
 */
export function collectEnvironment(env: Record<string, string | undefined>): Environment {
  const image = env.ImageOS ? `${env.ImageOS}${env.ImageVersion ? `/${env.ImageVersion}` : ''}` : null;
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    os: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
    runnerImage: image,
  };
}
