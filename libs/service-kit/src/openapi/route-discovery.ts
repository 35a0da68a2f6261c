import { type DynamicModule, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { PATTERN_METADATA } from '@nestjs/microservices/constants.js';

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

const isDynamic = (m: ModuleRef): m is DynamicModule => typeof m === 'object' && m !== null && 'module' in m;

/**
 * Every controller of a service, read from its module tree without starting it (no database,
 * no Kafka), so documents can be generated at build time exactly as the service will serve them.
 */
export function controllersOf(root: ModuleRef): Type[] {
  const seen = new Set<unknown>();
  const found: Type[] = [];
  const visit = (ref: ModuleRef | undefined) => {
    if (!ref || ref instanceof Promise || seen.has(ref)) return;
    seen.add(ref);
    const cls = isDynamic(ref) ? ref.module : ref;
    const controllers = [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) as Type[] | undefined) ?? []),
      ...(isDynamic(ref) ? (ref.controllers ?? []) : []),
    ];
    for (const c of controllers) if (!found.includes(c)) found.push(c);
    const imports = [
      ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) as ModuleRef[] | undefined) ?? []),
      ...(isDynamic(ref) ? ((ref.imports ?? []) as ModuleRef[]) : []),
    ];
    for (const i of imports) visit(i);
  };
  visit(root);
  return found;
}

export interface HttpRoute {
  controller: Type;
  handlerName: string;
  handler: (...args: unknown[]) => unknown;
  method: string;
  /** Express-style: `/v1/api-keys/:id`. */
  path: string;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

function handlersOf(controller: Type): [string, (...args: unknown[]) => unknown][] {
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .filter((name) => name !== 'constructor' && typeof proto[name] === 'function')
    .map((name) => [name, proto[name] as (...args: unknown[]) => unknown]);
}

export function httpRoutesOf(controllers: readonly Type[]): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
    if (base === undefined) continue;
    for (const [handlerName, handler] of handlersOf(controller)) {
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      for (const b of [base].flat()) {
        for (const p of [path].flat()) {
          routes.push({ controller, handlerName, handler, method: RequestMethod[method], path: joinPath(b, p) });
        }
      }
    }
  }
  return routes;
}

export interface GrpcHandler {
  service: string;
  rpc: string;
}

export function grpcHandlersOf(controllers: readonly Type[]): GrpcHandler[] {
  const handlers: GrpcHandler[] = [];
  for (const controller of controllers) {
    for (const [, handler] of handlersOf(controller)) {
      const patterns = Reflect.getMetadata(PATTERN_METADATA, handler) as { service?: string; rpc?: string }[] | undefined;
      for (const p of patterns ?? []) if (p.service && p.rpc) handlers.push({ service: p.service, rpc: p.rpc });
    }
  }
  return handlers;
}
