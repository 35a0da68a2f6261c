import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { environmentFromText } from '../environment.js';
import type { InboundMessage } from '../ingest/inbound-message.js';

const user = z.looseObject({
  login: z.string().min(1).max(100),
  email: z.string().max(320).nullish(),
  type: z.string().optional(),
});
const repository = z.looseObject({ full_name: z.string().min(1).max(300) });
const issue = z.looseObject({
  number: z.number().int().positive(),
  title: z.string().min(1).max(1000),
  body: z.string().nullish(),
  user,
  html_url: z.string().optional(),
});
const issuesEvent = z.looseObject({ action: z.string(), issue, repository, sender: user });
const issueCommentEvent = issuesEvent.extend({
  comment: z.looseObject({ id: z.number().int(), body: z.string().min(1), user, html_url: z.string().optional() }),
});

/** What a GitHub delivery means for intake; anything else (ping, labels, edits) is acknowledged and ignored. */
export type GithubAction =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'close'; issueKey: string; deliveryKey: string; closedBy: string }
  | { kind: 'ignored'; reason: string };

export const issueKey = (repo: string, number: number) => `github-issue:${repo.toLowerCase()}#${number}`;

const customerOf = (u: z.infer<typeof user>) => ({
  id: `github:${u.login}`,
  handle: u.login,
  ...(u.email ? { email: u.email } : {}),
});

export function githubAction(
  event: string | undefined,
  deliveryId: string,
  payload: unknown,
  correlationId: string,
): GithubAction {
  const deliveryKey = `github-delivery:${deliveryId}`;
  if (event === 'issues') {
    const e = parseInput(issuesEvent, payload);
    const key = issueKey(e.repository.full_name, e.issue.number);
    if (e.action === 'closed') return { kind: 'close', issueKey: key, deliveryKey, closedBy: `github:${e.sender.login}` };
    if (e.action !== 'opened') return { kind: 'ignored', reason: `issues.${e.action}` };
    const body = e.issue.body?.trim() || e.issue.title;
    return {
      kind: 'message',
      message: {
        channel: 'github',
        // The issue itself is the dedupe key: a redelivery under a new delivery id is still the same issue.
        messageKey: key,
        aliasKeys: [deliveryKey],
        threadRefs: [key],
        threadKeys: [key],
        continueResolved: true,
        startsThread: true,
        customer: customerOf(e.issue.user),
        subject: e.issue.title,
        body,
        environment: environmentFromText(body),
        attachments: [],
        externalId: e.issue.html_url ?? key,
        correlationId,
      },
    };
  }
  if (event === 'issue_comment') {
    const e = parseInput(issueCommentEvent, payload);
    if (e.action !== 'created') return { kind: 'ignored', reason: `issue_comment.${e.action}` };
    const key = issueKey(e.repository.full_name, e.issue.number);
    return {
      kind: 'message',
      message: {
        channel: 'github',
        messageKey: `github-comment:${e.repository.full_name.toLowerCase()}:${e.comment.id}`,
        aliasKeys: [deliveryKey],
        threadRefs: [key],
        threadKeys: [key],
        continueResolved: true,
        startsThread: false,
        customer: customerOf(e.comment.user),
        subject: e.issue.title,
        body: e.comment.body,
        environment: environmentFromText(e.comment.body),
        attachments: [],
        externalId: e.comment.html_url ?? String(e.comment.id),
        correlationId,
      },
    };
  }
  return { kind: 'ignored', reason: event ?? 'no X-GitHub-Event header' };
}
