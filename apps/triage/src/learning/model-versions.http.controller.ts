import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiRoute, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { ModelVersionsUseCase } from './model-versions.usecase.js';

const shadowSchema = z.object({ versionId: z.uuid().nullable() }).strict();

@Controller('v1/triage/admin')
export class ModelVersionsHttpController {
  constructor(private readonly models: ModelVersionsUseCase) {}

  /** 202: the version is stored as `training` and trained in a worker thread; poll it. */
  @ApiRoute({
    summary: 'Retrain the classifier on the training set and learnt examples',
    description: 'The version is stored as `training` and trained off the request path; poll GET /v1/triage/admin/models/{id}.',
    responses: { 202: 'the version, training' },
  })
  @Post('retrain')
  @HttpCode(202)
  retrain() {
    return this.models.retrain();
  }

  @ApiRoute({ summary: 'Model versions, marked active and shadow', responses: { 200: 'the versions' } })
  @Get('models')
  list() {
    return this.models.list();
  }

  @ApiRoute({ summary: 'One model version', responses: { 200: 'the version', 404: 'no such model version' } })
  @Get('models/:id')
  get(@Param('id') id: string) {
    return this.models.get(id);
  }

  @ApiRoute({
    summary: 'Make a ready model version the active one (id "shipped": back to the model the build shipped)',
    responses: { 200: 'the version now answering', 404: 'no such model version', 409: 'the version is not ready' },
  })
  @Post('models/:id/activate')
  @HttpCode(200)
  activate(@Param('id') id: string) {
    return this.models.activate(id === 'shipped' ? null : id);
  }

  @ApiRoute({
    summary: 'Set the shadow model version (null: none)',
    body: shadowSchema,
    responses: {
      200: 'the shadow report',
      404: 'no such model version',
      409: 'the version is not ready',
      422: 'invalid input',
    },
  })
  @Put('shadow')
  shadow(@Body() body: unknown) {
    return this.models.setShadow(parseInput(shadowSchema, body).versionId);
  }

  @ApiRoute({
    summary: 'How often the shadow version agrees with the active one',
    responses: { 200: 'the shadow report', 404: 'the shadow version no longer exists' },
  })
  @Get('shadow')
  shadowReport() {
    return this.models.shadowReport();
  }
}
