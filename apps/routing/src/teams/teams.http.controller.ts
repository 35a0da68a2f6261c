import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ManageTeamsUseCase } from './manage-teams.usecase.js';
import { parseCreateTeam, parseUpdateTeam } from './team.commands.js';
import { createSchema as createTeamSchema, updateSchema as updateTeamSchema } from './team.commands.js';
import { ApiRoute } from '@switchboard/service-kit';

@Controller('v1/teams')
export class TeamsHttpController {
  constructor(private readonly teams: ManageTeamsUseCase) {}

  @ApiRoute({ summary: 'Create a team', body: createTeamSchema, responses: { 201: 'the team', 409: 'the id is taken' } })
  @Post()
  create(@Body() body: unknown) {
    return this.teams.create(parseCreateTeam(body));
  }

  @ApiRoute({ summary: 'Teams with their combined load', responses: { 200: 'the teams' } })
  @Get()
  list() {
    return this.teams.list();
  }

  @ApiRoute({ summary: 'One team', responses: { 200: 'the team', 404: 'no such team' } })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.teams.get(id);
  }

  @ApiRoute({ summary: 'Update a team', body: updateTeamSchema, responses: { 200: 'the team', 404: 'no such team' } })
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.teams.update(id, parseUpdateTeam(body));
  }

  @ApiRoute({ summary: 'Delete a team', responses: { 204: 'deleted', 404: 'no such team' } })
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.teams.remove(id);
  }
}
