import { parseArgs } from 'node:util';

// `npm run triage:retrain [-- --url http://127.0.0.1:3002] [--activate]`: asks the running triage
// service to train a new version on the shipped set plus its corrections and resolved tickets,
// waits for it, prints its holdout scores (last line: JSON) and, with --activate, switches to it.
const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.TRIAGE_URL ?? 'http://127.0.0.1:3002' },
    activate: { type: 'boolean', default: false },
    'timeout-s': { type: 'string', default: '900' },
  },
});

interface Version {
  id: string;
  status: 'training' | 'ready' | 'failed';
  modelVersion: string | null;
  error: string | null;
}

const headers: Record<string, string> = { 'content-type': 'application/json' };
if (process.env.API_KEY) headers['x-api-key'] = process.env.API_KEY;

async function call<T>(path: string, method = 'GET'): Promise<T> {
  const res = await fetch(`${args.url}${path}`, { method, headers });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const started = await call<Version>('/v1/triage/admin/retrain', 'POST');
console.log(`training version ${started.id} ...`);
const deadline = Date.now() + Number(args['timeout-s']) * 1000;
let version = started;
while (version.status === 'training') {
  if (Date.now() > deadline) throw new Error(`version ${started.id} still training after ${args['timeout-s']} s`);
  await new Promise((r) => setTimeout(r, 2000));
  version = await call<Version>(`/v1/triage/admin/models/${started.id}`);
}
if (version.status === 'failed') {
  console.error(`training failed: ${version.error}`);
  process.exit(1);
}
if (args.activate) version = await call<Version>(`/v1/triage/admin/models/${started.id}/activate`, 'POST');
console.log(JSON.stringify(version));
