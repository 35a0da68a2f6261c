import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { ModelVersionsUseCase } from './model-versions.usecase.js';

const shadowSchema = z.object({ versionId: z.uuid().nullable() }).strict();

@Controller('v1/triage/admin')
export class ModelVersionsHttpController {
  constructor(private readonly models: ModelVersionsUseCase) {}

  /** 202: the version is stored as `training` and trained in a worker thread; poll it. */
  @Post('retrain')
  @HttpCode(202)
  retrain() {
    return this.models.retrain();
  }

  @Get('models')
  list() {
    return this.models.list();
  }

  @Get('models/:id')
  get(@Param('id') id: string) {
    return this.models.get(id);
  }

  @Post('models/:id/activate')
  @HttpCode(200)
  activate(@Param('id') id: string) {
    return this.models.activate(id === 'shipped' ? null : id);
  }

  @Put('shadow')
  shadow(@Body() body: unknown) {
    return this.models.setShadow(parseInput(shadowSchema, body).versionId);
  }

  @Get('shadow')
  shadowReport() {
    return this.models.shadowReport();
  }
}
