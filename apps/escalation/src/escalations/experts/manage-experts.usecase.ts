import { Injectable } from '@nestjs/common';
import { AppError } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { EscalationRepository } from '../escalation.repository.js';

/** A small directory: who to notify for each skill (a component such as plugin-system, or security, engineering). */
@Injectable()
export class ManageExpertsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: EscalationRepository,
  ) {}

  list() {
    return this.repo.directory(this.dataSource.manager);
  }

  async set(skill: string, experts: string[]) {
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(skill)) {
      throw new AppError('ESCALATION.BAD_SKILL', 'a skill is lowercase letters, digits, - and _', 422);
    }
    await this.dataSource.transaction((manager) => this.repo.setExperts(manager, skill, [...new Set(experts)]));
    return { skill, experts: [...new Set(experts)].sort() };
  }
}
