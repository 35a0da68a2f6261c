import type { Type } from '@nestjs/common';
import { z } from 'zod';
import { PUBLIC_ROUTE, REQUIRED_SCOPE, defaultScope } from '../auth/scopes.js';
import { API_ROUTE, type ApiResponseSpec, type ApiRouteSpec } from './api-route.js';
import { httpRoutesOf } from './route-discovery.js';

type JsonSchema = Record<string, unknown>;

const problem = { $ref: '#/components/schemas/Problem' };

function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
}

function responseOf(spec: ApiResponseSpec, status: number): Record<string, unknown> {
  const { description, schema } = typeof spec === 'string' ? { description: spec, schema: undefined } : spec;
  if (status >= 400) return { description, content: { 'application/problem+json': { schema: problem } } };
  if (status === 204) return { description };
  return { description, content: { 'application/json': { schema: schema ? jsonSchemaOf(schema, 'output') : {} } } };
}

function queryParameters(schema: z.ZodType | undefined): Record<string, unknown>[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'stable machine-readable code, e.g. AUTH.SCOPE_MISSING' },
    correlationId: { type: 'string' },
    instance: { type: 'string' },
  },
};

export interface OpenApiInfo {
  service: string;
  version: string;
}

/**
 * The OpenAPI 3.1 document of one service, built from its controllers: paths and methods from
 * Nest's route metadata, bodies and queries from the zod schemas each route declares with
 * @ApiRoute, security from the scope each route requires.
 */
export function buildOpenApiDocument(info: OpenApiInfo, controllers: readonly Type[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = httpRoutesOf(controllers).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  for (const route of routes) {
    const targets = [route.handler, route.controller];
    const spec = Reflect.getMetadata(API_ROUTE, route.handler) as ApiRouteSpec | undefined;
    const isPublic = targets.some((t) => Reflect.getMetadata(PUBLIC_ROUTE, t) === true);
    const scope =
      (Reflect.getMetadata(REQUIRED_SCOPE, route.handler) as string | undefined) ??
      (Reflect.getMetadata(REQUIRED_SCOPE, route.controller) as string | undefined) ??
      defaultScope('http', route.method);
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(spec?.responses ?? { 200: 'OK' })) responses[status] = responseOf(r, Number(status));
    if (spec?.body || spec?.query) responses['422'] ??= responseOf('the request does not match the expected shape', 422);
    if (!isPublic) {
      responses['401'] = responseOf('no key, or an unknown, revoked or expired key', 401);
      responses['403'] = responseOf(`the key lacks the "${scope}" scope`, 403);
      responses['429'] = responseOf('rate limit exceeded; see Retry-After', 429);
    }
    paths[openApiPath] ??= {};
    paths[openApiPath][route.method.toLowerCase()] = {
      operationId: `${route.controller.name.replace(/HttpController$/, '')}_${route.handlerName}`,
      summary: spec?.summary ?? route.handlerName,
      ...(spec?.description ? { description: spec.description } : {}),
      tags: [
        route.path
          .split('/')
          .filter(Boolean)
          .find((p) => !/^v\d+$/.test(p)) ?? 'root',
      ],
      ...(isPublic ? { security: [] } : { 'x-required-scope': scope }),
      parameters: [...pathParams, ...queryParameters(spec?.query)],
      ...(spec?.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(spec.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `Switchboard ${info.service}`,
      version: info.version,
      description: `REST API of the ${info.service} service. Send an API key as "Authorization: Bearer <key>" or "X-Api-Key".`,
    },
    security: [{ bearerKey: [] }, { headerKey: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'an API key issued by intake (sb_live_…) or the dev key' },
        headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
}
