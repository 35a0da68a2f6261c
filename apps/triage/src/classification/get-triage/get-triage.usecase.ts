import { Injectable } from '@nestjs/common';
import { notFound } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { TriageResultEntity } from '../triage-result.entity.js';

@Injectable()
export class GetTriageUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(ticketId: string): Promise<TriageResultEntity> {
    const found = /^[0-9a-f-]{36}$/i.test(ticketId)
      ? await this.dataSource.manager.findOne(TriageResultEntity, { where: { ticketId } })
      : null;
    if (!found) throw notFound('TRIAGE.NOT_FOUND', `no triage for ticket ${ticketId}`);
    return found;
  }
}
