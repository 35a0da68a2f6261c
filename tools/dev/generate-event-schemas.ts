import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventJsonSchemaFiles } from '@switchboard/contracts';

// `npm run events:schemas`: rewrites docs/events/*.json from the zod contracts (run after changing an event).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const repo = root.endsWith('/dist') ? dirname(root) : root;
const dir = resolve(repo, 'docs/events');
mkdirSync(dir, { recursive: true });
for (const stale of readdirSync(dir).filter((f) => f.endsWith('.json'))) rmSync(resolve(dir, stale));
const files = eventJsonSchemaFiles();
for (const [name, schema] of Object.entries(files)) writeFileSync(resolve(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write(`wrote ${Object.keys(files).length} schemas to ${dir}\n`);
