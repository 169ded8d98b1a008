import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildChildEnvironment, isCredentialName, isWithheldName } from '../../src/runner/child-environment.ts';
import { runSuites } from '../../src/runner/run-suites.ts';

const TOKEN = 'ghs_0123456789abcdefABCDEF0123456789ab';

describe('buildChildEnvironment', () => {
  const parent = {
    PATH: '/usr/bin:/bin',
    HOME: '/home/runner',
    GITHUB_WORKSPACE: '/home/runner/work/repo/repo',
    GITHUB_SHA: 'abc123',
    'INPUT_GITHUB-TOKEN': TOKEN,
    'INPUT_WORKING-DIRECTORY': '/home/runner/work/repo/repo',
    INPUT_SUITES: 'benchmarks/*.bench.ts',
    GITHUB_TOKEN: TOKEN,
    GH_TOKEN: TOKEN,
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-value-xyz',
    ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
    ACTIONS_CACHE_URL: 'https://artifactcache.example/',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-value',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
    GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
    GITHUB_STATE: '/home/runner/work/_temp/_runner_file_commands/save_state_1',
    GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_1',
    GITHUB_PATH: '/home/runner/work/_temp/_runner_file_commands/add_path_1',
    GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
    NPM_TOKEN: 'npm_secret_value_123',
    AWS_SECRET_ACCESS_KEY: 'aws-secret-value-123',
    COPY_OF_IT: TOKEN,
    REMOTE: `https://x-access-token:${TOKEN}@github.com/o/r.git`,
    NPM_COPY: 'npm_secret_value_123',
    TOKENIZERS_PARALLELISM: 'false',
    UNSET: undefined,
  };

  test('withholds the inputs, the token under every name, the runner secrets and the command files', () => {
    const { env, withheld } = buildChildEnvironment(parent, { token: TOKEN });
    expect(env).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/home/runner',
      GITHUB_WORKSPACE: '/home/runner/work/repo/repo',
      GITHUB_SHA: 'abc123',
      TOKENIZERS_PARALLELISM: 'false',
    });
    expect(withheld).toEqual(
      Object.keys(parent)
        .filter((name) => !(name in env) && name !== 'UNSET')
        .sort(),
    );
    expect(JSON.stringify(env)).not.toContain(TOKEN);
  });

  test('finds the token in the inputs when none is passed in', () => {
    const { env } = buildChildEnvironment({ PATH: '/bin', 'INPUT_GITHUB-TOKEN': TOKEN, ELSEWHERE: `x${TOKEN}x` });
    expect(env).toEqual({ PATH: '/bin' });
  });

  test('a token passed in is withheld under any name', () => {
    const { env, withheld } = buildChildEnvironment({ PATH: '/bin', HIDDEN: TOKEN }, { token: TOKEN });
    expect(env).toEqual({ PATH: '/bin' });
    expect(withheld).toEqual(['HIDDEN']);
  });

  test('pass-env names pass through even when a rule would withhold them', () => {
    const { env } = buildChildEnvironment(parent, { token: TOKEN, passEnv: ['NPM_TOKEN', 'GITHUB_OUTPUT', 'NOT_SET'] });
    expect(env.NPM_TOKEN).toBe('npm_secret_value_123');
    expect(env.GITHUB_OUTPUT).toBe(parent.GITHUB_OUTPUT);
    expect('NOT_SET' in env).toBe(false);
    expect(env.GITHUB_TOKEN).toBeUndefined();
  });

  test("the runner's own variables are added last", () => {
    const { env } = buildChildEnvironment({ PATH: '/bin', BENCHGATE_VARIANT: 'old' }, { set: { BENCHGATE_VARIANT: 'new' } });
    expect(env).toEqual({ PATH: '/bin', BENCHGATE_VARIANT: 'new' });
  });

  test('a short token does not withhold every value that contains it', () => {
    const { env } = buildChildEnvironment({ PATH: '/usr/bin', GH_TOKEN: 'u' }, {});
    expect(env).toEqual({ PATH: '/usr/bin' });
  });

  test.each([
    ['NPM_TOKEN', true],
    ['INPUT_GITHUB-TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['OPENAI_API_KEY', true],
    ['SSH_PRIVATE_KEY', true],
    ['DB_PASSWORD', true],
    ['GH_PAT', true],
    ['TOKENIZERS_PARALLELISM', false],
    ['PATH', false],
    ['CLASSPATH', false],
    ['KEYBOARD', false],
  ])('isCredentialName(%s) is %s', (name, expected) => {
    expect(isCredentialName(name)).toBe(expected);
  });

  test.each([
    ['input_anything', true],
    ['actions_runtime_token', true],
    ['ACTIONS_ID_TOKEN_REQUEST_WHATEVER', true],
    ['GITHUB_REPOSITORY', false],
    ['RUNNER_TEMP', false],
  ])('isWithheldName(%s) is %s', (name, expected) => {
    expect(isWithheldName(name)).toBe(expected);
  });
});

describe('a suite that prints its environment', () => {
  test('never sees the token', async () => {
    const lines: string[] = [];
    const results = await runSuites(
      {
        suites: 'leaky.bench.ts',
        runs: 1,
        time: 5,
        warmupTime: 0,
        retainSamples: false,
        filter: null,
        runTimeout: 30_000,
        seed: 1,
        cwd: path.join(import.meta.dirname, 'fixtures'),
        env: { ...process.env, 'INPUT_GITHUB-TOKEN': TOKEN, GITHUB_TOKEN: TOKEN, INNOCENT: TOKEN, KEPT: 'visible' },
        token: TOKEN,
        passEnv: ['KEPT'],
      },
      { commit: 'abc', ref: 'refs/heads/main', environment: { cpuModel: 't', cores: 1, os: 'linux', arch: 'x64', node: 'v24', runnerImage: null } },
      { info: (line) => lines.push(line) },
    );
    const benchmark = results.benchmarks[0]!;
    expect(benchmark.state).toBe('errored');
    const text = JSON.stringify(results);
    expect(text).toContain('environment:');
    expect(text).toContain('visible');
    expect(text).not.toContain(TOKEN);
    const line = lines.find((entry) => entry.startsWith('suites run without'))!;
    expect(line.split(': ')[1]!.split(', ')).toEqual(expect.arrayContaining(['GITHUB_TOKEN', 'INNOCENT', 'INPUT_GITHUB-TOKEN']));
  });
});
