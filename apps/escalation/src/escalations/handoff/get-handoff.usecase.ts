import { Injectable } from '@nestjs/common';
import type { HandoffPackage } from '@switchboard/contracts';
import { AppError, notFound } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { EscalationRepository } from '../escalation.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The handoff package of one escalation, or the latest of a ticket. */
@Injectable()
export class GetHandoffUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: EscalationRepository,
  ) {}

  async execute(by: { ticketId?: string; escalationId?: string }): Promise<HandoffPackage> {
    const id = by.escalationId ?? by.ticketId;
    if (!id || !UUID.test(id)) throw new AppError('ESCALATION.ID_REQUIRED', 'pass a ticket id or an escalation id', 400);
    const pkg = await this.repo.latestHandoff(this.dataSource.manager, by);
    if (!pkg) throw notFound('ESCALATION.HANDOFF_NOT_FOUND', `no handoff package for ${id}`);
    return pkg;
  }
}
