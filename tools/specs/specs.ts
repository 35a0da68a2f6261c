import { API_VERSION, buildOpenApiDocument, controllersOf } from '@switchboard/service-kit';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from './asyncapi.js';
import { SERVICE_MODULES } from './service-modules.js';

/** Every generated file, by its path from the repository root, with its exact contents. */
export function generatedSpecs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { service, module } of SERVICE_MODULES) {
    const document = buildOpenApiDocument({ service, version: API_VERSION }, controllersOf(module()));
    files.set(`docs/openapi/${service}.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
  files.set('docs/asyncapi.yaml', stringify(buildAsyncApiDocument(API_VERSION), { lineWidth: 0 }));
  return files;
}
