import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath } from '@switchboard/contracts';
import { API_ROUTE, controllersOf, grpcHandlersOf, httpRoutesOf } from '@switchboard/service-kit';
import { generatedSpecs } from './specs.js';
import { SERVICE_MODULES } from './service-modules.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

describe('specifications', () => {
  const generated = generatedSpecs();

  it.each([...generated.keys()])('%s is committed exactly as the code generates it (run npm run specs:generate)', (path) => {
    expect(readFileSync(resolve(ROOT, path), 'utf8')).toBe(generated.get(path));
  });

  describe.each(SERVICE_MODULES)('$service', ({ service, module, protos }) => {
    const controllers = controllersOf(module());
    const document = JSON.parse(generated.get(`docs/openapi/${service}.json`) ?? '{}') as {
      paths: Record<string, Record<string, { summary: string }>>;
    };

    it('documents every Nest route, each declared with @ApiRoute', () => {
      const routes = httpRoutesOf(controllers);
      expect(routes.length).toBeGreaterThan(3);
      const undocumented = routes.filter((r) => {
        const operation = document.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
        const declared = Reflect.getMetadata(API_ROUTE, r.handler) !== undefined || r.path.startsWith('/health/');
        return !operation || !declared;
      });
      expect(undocumented.map((r) => `${r.method} ${r.path} (${r.controller.name}.${r.handlerName})`)).toEqual([]);
    });

    it('has a gRPC handler for every rpc of its .proto files, and no handler outside them', () => {
      const inProto = protos.flatMap((file) =>
        Object.entries(protoLoader.loadSync(protoPath(file)))
          .filter(([, def]) => typeof def === 'object' && !('format' in def) && !('type' in def))
          .flatMap(([name, def]) => Object.keys(def).map((rpc) => `${name.split('.').at(-1)}/${rpc}`)),
      );
      const handled = grpcHandlersOf(controllers).map((h) => `${h.service}/${h.rpc}`);
      expect(inProto.length).toBeGreaterThan(0);
      expect([...new Set(handled)].sort()).toEqual([...new Set(inProto)].sort());
    });
  });
});
