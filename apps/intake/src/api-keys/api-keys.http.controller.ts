import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiRoute, correlationIdOf, parseInput, RequiresScope } from '@switchboard/service-kit';
import type { Request } from 'express';
import { createApiKeySchema, rotateApiKeySchema } from './api-key.schemas.js';
import { ManageApiKeysUseCase } from './manage-api-keys.usecase.js';

/** Key management is an admin matter, reads included: a key list tells who integrates with us. */
@Controller('v1/api-keys')
@RequiresScope('admin')
export class ApiKeysHttpController {
  constructor(private readonly keys: ManageApiKeysUseCase) {}

  @Post()
  @HttpCode(201)
  @ApiRoute({
    summary: 'Issue an API key; the secret is in this answer only',
    body: createApiKeySchema,
    responses: { 201: 'the key, with its secret in `key`' },
  })
  create(@Body() body: unknown, @Req() req: Request) {
    return this.keys.create(parseInput(createApiKeySchema, body ?? {}), correlationIdOf(req));
  }

  @Get()
  @ApiRoute({ summary: 'Every API key (never their secrets)', responses: { 200: 'the keys' } })
  async list() {
    return { keys: await this.keys.list() };
  }

  @Get(':id')
  @ApiRoute({ summary: 'One API key (never its secret)', responses: { 200: 'the key', 404: 'no such key' } })
  get(@Param('id') id: string) {
    return this.keys.get(id);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Issue a new secret; the previous one works until its grace period ends',
    body: rotateApiKeySchema,
    responses: { 200: 'the key, with its new secret in `key`', 404: 'no such key', 409: 'the key is revoked' },
  })
  rotate(@Param('id') id: string, @Body() body: unknown, @Req() req: Request) {
    const { graceSeconds } = parseInput(rotateApiKeySchema, body ?? {});
    return this.keys.rotate(id, graceSeconds, correlationIdOf(req));
  }

  @Delete(':id')
  @ApiRoute({ summary: 'Revoke an API key everywhere', responses: { 200: 'the revoked key', 404: 'no such key' } })
  revoke(@Param('id') id: string, @Req() req: Request) {
    return this.keys.revoke(id, correlationIdOf(req));
  }
}
