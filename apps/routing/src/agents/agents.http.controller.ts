import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { correlationIdOf } from '@switchboard/service-kit';
import type { Request } from 'express';
import { CreateAgentCommand, SetAgentStatusCommand, UpdateAgentCommand } from './agent.commands.js';
import { ManageAgentsUseCase } from './manage-agents/manage-agents.usecase.js';
import { SetAgentStatusUseCase } from './manage-agents/set-agent-status.usecase.js';

@Controller('v1/agents')
export class AgentsHttpController {
  constructor(
    private readonly agents: ManageAgentsUseCase,
    private readonly status: SetAgentStatusUseCase,
  ) {}

  @Post()
  create(@Body() body: unknown, @Req() req: Request) {
    return this.agents.create(CreateAgentCommand.create(body, correlationIdOf(req)));
  }

  @Get()
  list(@Query('tier') tier?: string, @Query('status') status?: string) {
    return this.agents.list({ tier, status });
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.agents.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.agents.update(UpdateAgentCommand.create(id, body));
  }

  @Put(':id/status')
  setStatus(@Param('id') id: string, @Body() body: unknown, @Req() req: Request) {
    return this.status.execute(SetAgentStatusCommand.create(id, body, correlationIdOf(req)));
  }

  @Delete(':id')
  @HttpCode(200)
  remove(@Param('id') id: string, @Req() req: Request) {
    return this.status.execute(SetAgentStatusCommand.create(id, { status: 'offline' }, correlationIdOf(req)), { delete: true });
  }
}
