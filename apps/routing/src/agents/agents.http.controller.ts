import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { correlationIdOf, ApiRoute } from '@switchboard/service-kit';
import type { Request } from 'express';
import { CreateAgentCommand, SetAgentStatusCommand, UpdateAgentCommand } from './agent.commands.js';
import { ManageAgentsUseCase } from './manage-agents/manage-agents.usecase.js';
import { SetAgentStatusUseCase } from './manage-agents/set-agent-status.usecase.js';
import { createSchema as createAgentSchema, updateSchema as updateAgentSchema } from './agent.commands.js';

@Controller('v1/agents')
export class AgentsHttpController {
  constructor(
    private readonly agents: ManageAgentsUseCase,
    private readonly status: SetAgentStatusUseCase,
  ) {}

  @ApiRoute({ summary: 'Create an agent', body: createAgentSchema, responses: { 201: 'the agent', 409: 'the id is taken' } })
  @Post()
  create(@Body() body: unknown, @Req() req: Request) {
    return this.agents.create(CreateAgentCommand.create(body, correlationIdOf(req)));
  }

  @ApiRoute({ summary: 'Agents, filtered by tier and status (query: tier, status)', responses: { 200: 'the agents' } })
  @Get()
  list(@Query('tier') tier?: string, @Query('status') status?: string) {
    return this.agents.list({ tier, status });
  }

  @ApiRoute({ summary: 'One agent with its load', responses: { 200: 'the agent', 404: 'no such agent' } })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.agents.get(id);
  }

  @ApiRoute({
    summary: 'Update an agent profile',
    body: updateAgentSchema,
    responses: { 200: 'the agent', 404: 'no such agent' },
  })
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.agents.update(UpdateAgentCommand.create(id, body));
  }

  @ApiRoute({ summary: 'Set an agent status (available, busy, offline…)', responses: { 200: 'the agent', 404: 'no such agent' } })
  @Put(':id/status')
  setStatus(@Param('id') id: string, @Body() body: unknown, @Req() req: Request) {
    return this.status.execute(SetAgentStatusCommand.create(id, body, correlationIdOf(req)));
  }

  @ApiRoute({
    summary: 'Delete an agent; their open tickets go back to routing',
    responses: { 200: 'deleted', 404: 'no such agent' },
  })
  @Delete(':id')
  @HttpCode(200)
  remove(@Param('id') id: string, @Req() req: Request) {
    return this.status.execute(SetAgentStatusCommand.create(id, { status: 'offline' }, correlationIdOf(req)), { delete: true });
  }
}
