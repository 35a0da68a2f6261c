import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Inject, Param, Res, type Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Response } from 'express';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import { notFound } from '../errors/app-error.js';
import { ApiRoute } from './api-route.js';
import { buildOpenApiDocument } from './openapi-document.js';

export const API_VERSION = '1.0.0';

const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png']);

// Everything is served from this process (swagger-ui-dist is installed), so the page works offline.
const PAGE = (service: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Switchboard ${service} API</title>
  <link rel="icon" href="/docs/assets/favicon-32x32.png" />
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
</head>
<body>
  <div id="ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '/docs/openapi.json',
      dom_id: '#ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
      persistAuthorization: true,
    });
  </script>
</body>
</html>`;

/** `/docs` (Swagger UI) and `/docs/openapi.json`, generated from this service's own routes. */
@Controller('docs')
export class DocsHttpController {
  private document: Record<string, unknown> | undefined;

  constructor(
    private readonly modules: ModulesContainer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get()
  @ApiRoute({ summary: 'Swagger UI for this service', responses: { 200: 'an HTML page' } })
  page(@Res() res: Response): void {
    res.type('html').send(PAGE(this.config.service));
  }

  @Get('openapi.json')
  @ApiRoute({ summary: 'The OpenAPI 3.1 document of this service', responses: { 200: 'the document' } })
  openApi(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument({ service: this.config.service, version: API_VERSION }, this.controllers());
    return this.document;
  }

  @Get('assets/:file')
  @ApiRoute({ summary: 'Swagger UI assets', responses: { 200: 'a static file', 404: 'no such asset' } })
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (!ASSETS.has(file)) throw notFound('DOCS.ASSET_NOT_FOUND', `no asset ${file}`);
    res.sendFile(join(SWAGGER_UI, file));
  }

  private controllers(): Type[] {
    const found: Type[] = [];
    for (const module of this.modules.values()) {
      for (const wrapper of module.controllers.values()) {
        if (wrapper.metatype && !found.includes(wrapper.metatype as Type)) found.push(wrapper.metatype as Type);
      }
    }
    return found;
  }
}
