import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ManagePoliciesUseCase } from './manage-policies.usecase.js';
import { parseCreateCalendar, parseCreatePolicy, parseUpdateCalendar, parseUpdatePolicy } from './policy.commands.js';

@Controller('v1/policies')
export class PoliciesHttpController {
  constructor(private readonly policies: ManagePoliciesUseCase) {}

  @Post()
  create(@Body() body: unknown) {
    return this.policies.createPolicy(parseCreatePolicy(body));
  }

  @Get()
  list() {
    return this.policies.listPolicies();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.policies.getPolicy(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.policies.updatePolicy(id, parseUpdatePolicy(body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.policies.removePolicy(id);
  }
}

@Controller('v1/calendars')
export class CalendarsHttpController {
  constructor(private readonly policies: ManagePoliciesUseCase) {}

  @Post()
  create(@Body() body: unknown) {
    return this.policies.createCalendar(parseCreateCalendar(body));
  }

  @Get()
  list() {
    return this.policies.listCalendars();
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.policies.getCalendar(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.policies.updateCalendar(id, parseUpdateCalendar(body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.policies.removeCalendar(id);
  }
}
