import { randomUUID } from 'node:crypto';
import { DEFAULT_DEV_API_KEY } from '@switchboard/service-kit';
import { SAMPLE_INQUIRIES } from '@switchboard/testing';

// Posts the sample inquiries to a running system and prints what each service made of them.
const intake = process.env.INTAKE_URL ?? 'http://127.0.0.1:3001';
// Outside production every service accepts the dev key; SWITCHBOARD_API_KEY may name an issued key instead.
const devKey = process.env.SWITCHBOARD_DEV_API_KEY ?? DEFAULT_DEV_API_KEY;
const apiKey = process.env.SWITCHBOARD_API_KEY ?? devKey;
const auth = { authorization: `Bearer ${apiKey}` };
process.stdout.write(
  apiKey === devKey
    ? `using the dev API key "${devKey}" (SWITCHBOARD_DEV_API_KEY), sent as "Authorization: Bearer <key>"\n`
    : `using the API key ${apiKey.slice(0, 12)}… from SWITCHBOARD_API_KEY\n`,
);

interface View {
  triage: Record<string, string | number> | null;
  routing: { tier: string; agentId: string | null } | null;
  sla: { firstResponseDueAt: string | null; resolutionDueAt: string | null };
  suggestions: { articleId: string; title: string; score: number }[];
  timeline: { type: string }[];
}

async function waitForView(ticketId: string): Promise<View> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const view = (await (await fetch(`${intake}/v1/tickets/${ticketId}`, { headers: auth })).json()) as View;
    const done =
      view.triage && view.routing && view.sla.resolutionDueAt && view.timeline.some((e) => e.type === 'knowledge_suggested');
    if (done || Date.now() > deadline) return view;
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const inquiry of SAMPLE_INQUIRIES) {
  const res = await fetch(`${intake}/v1/inquiries`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(inquiry),
  });
  const { ticketId } = (await res.json()) as { ticketId: string };
  const v = await waitForView(ticketId);
  const t = v.triage;
  process.stdout.write(
    [
      `\n[${inquiry.channel}] ${inquiry.subject}`,
      `  ticket     ${ticketId}`,
      `  triaged    ${t ? `urgency=${t.urgency} category=${t.category} complexity=${t.complexity} component=${t.component} sentiment=${t.sentiment}` : '(pending)'}`,
      `  routed     ${v.routing ? `${v.routing.tier} -> ${v.routing.agentId ?? 'queued: no agent free'}` : '(pending)'}`,
      `  SLA        first response by ${v.sla.firstResponseDueAt ?? '-'}, resolution by ${v.sla.resolutionDueAt ?? '-'}`,
      `  suggested  ${v.suggestions.length ? v.suggestions.map((s) => `${s.articleId} (${s.score})`).join(', ') : '(no good answer)'}`,
      '',
    ].join('\n'),
  );
}
