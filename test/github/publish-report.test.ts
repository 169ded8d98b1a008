import { describe, expect, test } from 'vitest';
import type { AnnotationProperties, JobSummary } from '../../src/github/actions-core.ts';
import { FORK_COMMENT_WARNING } from '../../src/github/post-report-comment.ts';
import { hasChange, publishReport } from '../../src/github/publish-report.ts';
import type { PullRequestContext } from '../../src/github/pull-request-context.ts';
import { comparison, createFakeClient, FakeRequestError, makeReport, pullRequest } from './helpers.ts';

const marker = '<!-- benchgate:default -->';
const sha = 'c'.repeat(40);

function fakeCore(options: { summaryFails?: boolean } = {}) {
  const log: string[] = [];
  const outputs: Record<string, unknown> = {};
  const summary: JobSummary = {
    addRaw(text: string) {
      log.push(`summary ${text.length}`);
      return summary;
    },
    async write() {
      if (options.summaryFails === true) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
      log.push('summary written');
      return summary;
    },
  };
  const core = {
    setOutput: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    error: (message: string | Error, properties?: AnnotationProperties) => log.push(`error ${properties?.title ?? ''}`),
    warning: (message: string | Error) => log.push(`warning ${String(message)}`),
    info: (message: string) => log.push(`info ${message}`),
  };
  return { core, summary, log, outputs };
}

const prContext: PullRequestContext = {
  owner: 'o',
  repo: 'r',
  issueNumber: 1,
  headSha: sha,
  baseRef: 'main',
  headRef: 'feature',
  headOwner: 'o',
  isFork: false,
  eventName: 'pull_request',
  triggeringEvent: null,
};

const regressed = makeReport([comparison('layout/ddsplit-replay', 'regressed'), comparison('a/b', 'unchanged')]);
const options = (context: PullRequestContext = prContext) => ({
  report: regressed,
  commentBody: `${marker}\n❌ 1 regression`,
  summaryMarkdown: '# full report',
  marker,
  commentOn: 'change' as const,
  context,
  reportJson: 'benchgate-report.json',
  reportMarkdown: 'benchgate-report.md',
});

describe('publishReport', () => {
  test('a pull request: summary, annotation, comment, then outputs with the comment URL', async () => {
    const fake = createFakeClient();
    const { core, summary, log, outputs } = fakeCore();
    const result = await publishReport({ octokit: fake.client, core, summary }, options());
    expect(result.comment?.action).toBe('created');
    expect(log).toEqual([
      'summary 13',
      'summary written',
      'error benchgate: layout/ddsplit-replay regressed',
      `info benchgate comment created: ${fake.comments[0]?.html_url}`,
    ]);
    expect(outputs).toMatchObject({ verdict: 'fail', regressions: '1', 'comment-url': fake.comments[0]?.html_url });
  });

  test('a push has no pull request: no API call, empty comment-url', async () => {
    const fake = createFakeClient();
    const { core, summary, outputs } = fakeCore();
    const result = await publishReport({ octokit: fake.client, core, summary }, options({ ...prContext, issueNumber: null, eventName: 'push' }));
    expect(result).toEqual({ comment: null, issueNumber: null });
    expect(fake.calls).toEqual([]);
    expect(outputs['comment-url']).toBe('');
  });

  test('companion mode: a workflow_run from a fork finds the pull request by head SHA and comments', async () => {
    const fake = createFakeClient({ pulls: [pullRequest(1, sha, { headRepo: 'contributor/r' })] });
    const { core, summary, log } = fakeCore();
    const context = { ...prContext, issueNumber: null, eventName: 'workflow_run', isFork: true, headOwner: 'contributor', triggeringEvent: 'pull_request' };
    const result = await publishReport({ octokit: fake.client, core, summary }, { ...options(context), annotate: false });
    expect(result.issueNumber).toBe(1);
    expect(result.comment?.action).toBe('created');
    expect(fake.comments[0]?.issueNumber).toBe(1);
    expect(log.some((line) => line.startsWith('error'))).toBe(false);
  });

  test('companion mode without a matching open pull request warns and still sets the outputs', async () => {
    const fake = createFakeClient({ pulls: [] });
    const { core, summary, log, outputs } = fakeCore();
    const context = { ...prContext, issueNumber: null, eventName: 'workflow_run' };
    const result = await publishReport({ octokit: fake.client, core, summary }, options(context));
    expect(result.comment).toBeNull();
    expect(log.filter((line) => line.startsWith('warning'))).toEqual([expect.stringMatching(/no open pull request has head c{40}/)]);
    expect(outputs['verdict']).toBe('fail');
  });

  test('a failed pull request lookup is a warning', async () => {
    const fake = createFakeClient();
    fake.fail('listPullRequestsAssociatedWithCommit', new FakeRequestError(500, 'Server Error'));
    const { core, summary, log } = fakeCore();
    await publishReport({ octokit: fake.client, core, summary }, options({ ...prContext, issueNumber: null, eventName: 'workflow_run' }));
    expect(log.filter((line) => line.startsWith('warning'))).toEqual([expect.stringMatching(/looking up the pull request .* failed \(500/)]);
  });

  test('a fork pull request: one warning, and the outputs are still written', async () => {
    const fake = createFakeClient();
    fake.fail('createComment', new FakeRequestError(403, 'Resource not accessible by integration'));
    const { core, summary, log, outputs } = fakeCore();
    const result = await publishReport({ octokit: fake.client, core, summary }, options({ ...prContext, isFork: true }));
    expect(result.comment?.action).toBe('failed');
    expect(log.filter((line) => line.startsWith('warning'))).toEqual([`warning ${FORK_COMMENT_WARNING}`]);
    expect(outputs).toMatchObject({ verdict: 'fail', 'comment-url': '', 'report-json': 'benchgate-report.json' });
  });

  test('a job summary that cannot be written is a warning, and the comment still goes out', async () => {
    const fake = createFakeClient();
    const { core, summary, log } = fakeCore({ summaryFails: true });
    const result = await publishReport({ octokit: fake.client, core, summary }, options());
    expect(log).toContain('warning benchgate could not write the job summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    expect(result.comment?.action).toBe('created');
  });

  test("no token: a warning instead of the comment; 'never': not even that", async () => {
    const first = fakeCore();
    await publishReport({ octokit: null, core: first.core, summary: first.summary }, options());
    expect(first.log).toContain("warning benchgate did not comment: 'github-token' is empty.");
    const second = fakeCore();
    await publishReport({ octokit: null, core: second.core, summary: second.summary }, { ...options(), commentOn: 'never' });
    expect(second.log.some((line) => line.startsWith('warning'))).toBe(false);
  });
});

describe('hasChange', () => {
  test.each([
    ['unchanged only', ['unchanged'], false],
    ['a regression', ['unchanged', 'regressed'], true],
    ['an inconclusive', ['inconclusive'], true],
    ['new benchmarks (no baseline)', ['new'], true],
    ['nothing at all', [], false],
  ] as const)('%s → %s', (_, verdicts, expected) => {
    expect(
      hasChange(
        makeReport(
          verdicts.map((v, i) => comparison(`s/${i}`, v)),
          { gateFailed: false },
        ),
      ),
    ).toBe(expected);
  });
});

describe('the token never reaches what publishReport writes', () => {
  const token = 'ghs_PublishReportSecret0123456789';
  test('the comment, the summary and the report are redacted', async () => {
    const summaryTexts: string[] = [];
    const { core, summary } = fakeCore();
    const recordingSummary: JobSummary = {
      addRaw(text: string) {
        summaryTexts.push(text);
        return recordingSummary;
      },
      write: () => summary.write(),
    };
    const annotations: string[] = [];
    const fake = createFakeClient();
    const leaky = makeReport([comparison(`suite/leak ${token}`, 'regressed')]);
    await publishReport(
      {
        octokit: fake.client,
        core: {
          ...core,
          error: (message: string | Error, properties?: AnnotationProperties) => annotations.push(`${properties?.title ?? ''} ${String(message)}`),
        },
        summary: recordingSummary,
      },
      { ...options(), report: leaky, commentBody: `${marker}\nerror: env ${token}`, summaryMarkdown: `# token ${token}`, secrets: [token] },
    );
    expect(fake.comments.map((c) => c.body)).toEqual([`${marker}\nerror: env ***`]);
    expect(summaryTexts.join('')).toBe('# token ***');
    expect(annotations.join('\n')).not.toContain(token);
    expect(annotations.join('\n')).toContain('suite/leak ***');
  });
});
