import { Injectable } from '@nestjs/common';
import { AppError, conflict, notFound } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { RecomputeClocksUseCase } from '../clocks/recompute-clocks/recompute-clocks.usecase.js';
import type { CreateCalendar, CreatePolicy, UpdateCalendar, UpdatePolicy } from './policy.commands.js';
import { type Calendar, type Policy, PolicyRepository } from './policy.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Policies and calendars; every change retimes the live clocks it governs before the call returns. */
@Injectable()
export class ManagePoliciesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: PolicyRepository,
    private readonly recompute: RecomputeClocksUseCase,
  ) {}

  listPolicies(): Promise<Policy[]> {
    return this.repo.listPolicies(this.dataSource.manager);
  }

  async getPolicy(id: string): Promise<Policy> {
    const policy = UUID.test(id) ? await this.repo.policy(this.dataSource.manager, id) : null;
    if (!policy) throw notFound('SLA.POLICY_NOT_FOUND', `policy ${id} does not exist`);
    return policy;
  }

  async createPolicy(input: CreatePolicy): Promise<Policy> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireCalendar(manager, input.calendarId);
      const policy = await this.repo.insertPolicy(manager, input);
      if (!policy) throw conflict('SLA.POLICY_EXISTS', `a policy for ${input.tier}/${input.serviceLevel} exists; update it`);
      return policy;
    });
  }

  async updatePolicy(id: string, input: UpdatePolicy): Promise<Policy & { recomputedClocks: number }> {
    const current = await this.getPolicy(id);
    const policy = await this.dataSource.transaction(async (manager) => {
      const locked = await this.repo.policy(manager, id, true);
      if (!locked) throw notFound('SLA.POLICY_NOT_FOUND', `policy ${id} does not exist`);
      if (input.calendarId) await this.requireCalendar(manager, input.calendarId);
      return this.repo.updatePolicy(manager, { ...locked, ...input });
    });
    const recomputedClocks = await this.recompute.forChange({ policyId: current.id });
    return { ...policy, recomputedClocks };
  }

  async removePolicy(id: string): Promise<void> {
    if (!UUID.test(id) || !(await this.repo.deletePolicy(this.dataSource.manager, id))) {
      throw notFound('SLA.POLICY_NOT_FOUND', `policy ${id} does not exist`);
    }
    await this.recompute.forChange({ policyId: id });
  }

  listCalendars(): Promise<Calendar[]> {
    return this.repo.listCalendars(this.dataSource.manager);
  }

  async getCalendar(id: string): Promise<Calendar> {
    const calendar = await this.repo.calendar(this.dataSource.manager, id);
    if (!calendar) throw notFound('SLA.CALENDAR_NOT_FOUND', `calendar ${id} does not exist`);
    return calendar;
  }

  async createCalendar(input: CreateCalendar): Promise<Calendar> {
    const calendar = await this.repo.insertCalendar(this.dataSource.manager, input);
    if (!calendar) throw conflict('SLA.CALENDAR_EXISTS', `calendar ${input.id} exists`);
    return calendar;
  }

  async updateCalendar(id: string, input: UpdateCalendar): Promise<Calendar & { recomputedClocks: number }> {
    const calendar = await this.dataSource.transaction(async (manager) => {
      const locked = await this.repo.calendar(manager, id, true);
      if (!locked) throw notFound('SLA.CALENDAR_NOT_FOUND', `calendar ${id} does not exist`);
      const next = { ...locked, ...input };
      if (next.mode === 'business_hours' && next.weekly.length === 0) {
        throw new AppError('SLA.CALENDAR_WITHOUT_HOURS', 'business hours need at least one weekly window', 422);
      }
      return this.repo.updateCalendar(manager, next);
    });
    const recomputedClocks = await this.recompute.forChange({ calendarId: id });
    return { ...calendar, recomputedClocks };
  }

  async removeCalendar(id: string): Promise<void> {
    const result = await this.repo.deleteCalendar(this.dataSource.manager, id);
    if (result === 'missing') throw notFound('SLA.CALENDAR_NOT_FOUND', `calendar ${id} does not exist`);
    if (result === 'in_use') throw conflict('SLA.CALENDAR_IN_USE', `calendar ${id} is used by a policy`);
  }

  private async requireCalendar(manager: import('typeorm').EntityManager, id: string): Promise<void> {
    if (!(await this.repo.calendar(manager, id))) {
      throw new AppError('SLA.CALENDAR_NOT_FOUND', `calendar ${id} does not exist`, 422);
    }
  }
}
