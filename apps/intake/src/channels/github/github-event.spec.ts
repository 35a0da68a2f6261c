import { githubAction } from './github-event.js';

const repository = { full_name: 'Kollab/Kollab' };
const issue = {
  number: 12,
  title: 'Crash on start',
  body: 'It crashes.\n\nOS: Windows 11\nPython: 3.12.2\nKollab version: 0.4.1\nTerminal: Windows Terminal',
  user: { login: 'octocat', email: 'octo@example.org' },
};

describe('GitHub delivery mapping', () => {
  it('turns an opened issue into a new inquiry keyed by the issue, with the delivery as an alias', () => {
    const action = githubAction('issues', 'd-1', { action: 'opened', issue, repository, sender: issue.user }, 'corr');
    expect(action).toMatchObject({
      kind: 'message',
      message: {
        channel: 'github',
        messageKey: 'github-issue:kollab/kollab#12',
        aliasKeys: ['github-delivery:d-1'],
        threadKeys: ['github-issue:kollab/kollab#12'],
        startsThread: true,
        customer: { id: 'github:octocat', handle: 'octocat', email: 'octo@example.org' },
        subject: 'Crash on start',
        environment: { os: 'Windows 11', pythonVersion: '3.12.2', appVersion: '0.4.1', terminal: 'Windows Terminal' },
      },
    });
  });

  it('turns a created comment into a reply on the issue thread', () => {
    const comment = { id: 77, body: 'Still crashing', user: { login: 'octocat' } };
    const action = githubAction(
      'issue_comment',
      'd-2',
      { action: 'created', issue, repository, sender: issue.user, comment },
      'c',
    );
    expect(action).toMatchObject({
      kind: 'message',
      message: {
        messageKey: 'github-comment:kollab/kollab:77',
        threadRefs: ['github-issue:kollab/kollab#12'],
        startsThread: false,
        body: 'Still crashing',
      },
    });
  });

  it('maps closed to a close and ignores other events and actions', () => {
    expect(githubAction('issues', 'd-3', { action: 'closed', issue, repository, sender: { login: 'maintainer' } }, 'c')).toEqual({
      kind: 'close',
      issueKey: 'github-issue:kollab/kollab#12',
      deliveryKey: 'github-delivery:d-3',
      closedBy: 'github:maintainer',
    });
    expect(githubAction('issues', 'd-4', { action: 'labeled', issue, repository, sender: issue.user }, 'c')).toEqual({
      kind: 'ignored',
      reason: 'issues.labeled',
    });
    expect(githubAction('ping', 'd-5', { zen: 'x' }, 'c')).toEqual({ kind: 'ignored', reason: 'ping' });
  });

  it('refuses a payload that does not match the event with 422', () => {
    expect(() => githubAction('issues', 'd-6', { action: 'opened', issue: { number: 'x' } }, 'c')).toThrow(
      expect.objectContaining({ status: 422, code: 'REQUEST.VALIDATION_FAILED' }),
    );
  });
});
