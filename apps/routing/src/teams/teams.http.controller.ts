import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ManageTeamsUseCase } from './manage-teams.usecase.js';
import { parseCreateTeam, parseUpdateTeam } from './team.commands.js';

@Controller('v1/teams')
export class TeamsHttpController {
  constructor(private readonly teams: ManageTeamsUseCase) {}

  @Post()
  create(@Body() body: unknown) {
    return this.teams.create(parseCreateTeam(body));
  }

  @Get()
  list() {
    return this.teams.list();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.teams.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.teams.update(id, parseUpdateTeam(body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.teams.remove(id);
  }
}
