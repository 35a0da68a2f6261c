import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generatedSpecs } from './specs.js';

// `npm run specs:generate` (from the repository root): OpenAPI per service and AsyncAPI for every topic, from the code.
for (const [path, text] of generatedSpecs()) {
  const target = resolve(process.cwd(), path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote ${path}\n`);
}
