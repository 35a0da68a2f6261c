import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiRoute } from '@switchboard/service-kit';
import { ManagePoliciesUseCase } from './manage-policies.usecase.js';
import {
  createCalendar,
  createPolicy,
  parseCreateCalendar,
  parseCreatePolicy,
  parseUpdateCalendar,
  parseUpdatePolicy,
  updateCalendar,
  updatePolicy,
} from './policy.commands.js';

@Controller('v1/policies')
export class PoliciesHttpController {
  constructor(private readonly policies: ManagePoliciesUseCase) {}

  @ApiRoute({
    summary: 'Create the SLA policy of a tier and service level',
    body: createPolicy,
    responses: {
      201: 'the policy',
      409: 'a policy for this tier and service level exists',
      422: 'invalid input, or an unknown calendar',
    },
  })
  @Post()
  create(@Body() body: unknown) {
    return this.policies.createPolicy(parseCreatePolicy(body));
  }

  @ApiRoute({ summary: 'SLA policies', responses: { 200: 'the policies' } })
  @Get()
  list() {
    return this.policies.listPolicies();
  }

  @ApiRoute({ summary: 'One SLA policy', responses: { 200: 'the policy', 404: 'no such policy' } })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.policies.getPolicy(id);
  }

  @ApiRoute({
    summary: 'Update an SLA policy; the live clocks it governs are retimed',
    body: updatePolicy,
    responses: {
      200: 'the policy with the number of recomputed clocks',
      404: 'no such policy',
      422: 'invalid input, or an unknown calendar',
    },
  })
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.policies.updatePolicy(id, parseUpdatePolicy(body));
  }

  @ApiRoute({
    summary: 'Delete an SLA policy; the live clocks it governed are retimed',
    responses: { 204: 'deleted', 404: 'no such policy' },
  })
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.policies.removePolicy(id);
  }
}

@Controller('v1/calendars')
export class CalendarsHttpController {
  constructor(private readonly policies: ManagePoliciesUseCase) {}

  @ApiRoute({
    summary: 'Create a business calendar (24x7 or business hours with holidays)',
    body: createCalendar,
    responses: { 201: 'the calendar', 409: 'the id is taken', 422: 'invalid input' },
  })
  @Post()
  create(@Body() body: unknown) {
    return this.policies.createCalendar(parseCreateCalendar(body));
  }

  @ApiRoute({ summary: 'Business calendars', responses: { 200: 'the calendars' } })
  @Get()
  list() {
    return this.policies.listCalendars();
  }

  @ApiRoute({ summary: 'One business calendar', responses: { 200: 'the calendar', 404: 'no such calendar' } })
  @Get(':id')
  get(@Param('id') id: string) {
    return this.policies.getCalendar(id);
  }

  @ApiRoute({
    summary: 'Update a business calendar; the live clocks it governs are retimed',
    body: updateCalendar,
    responses: {
      200: 'the calendar with the number of recomputed clocks',
      404: 'no such calendar',
      422: 'invalid input, or business hours without a weekly window',
    },
  })
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.policies.updateCalendar(id, parseUpdateCalendar(body));
  }

  @ApiRoute({
    summary: 'Delete a business calendar',
    responses: { 204: 'deleted', 404: 'no such calendar', 409: 'the calendar is used by a policy' },
  })
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.policies.removeCalendar(id);
  }
}
