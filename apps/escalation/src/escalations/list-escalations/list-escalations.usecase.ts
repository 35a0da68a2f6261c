import { Inject, Injectable } from '@nestjs/common';
import { AppError, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';

export interface EscalationView {
  id: string;
  ticketId: string;
  fromTier: string;
  toTier: string;
  trigger: string;
  reason: string;
  escalatedAt: Date;
}

@Injectable()
export class ListEscalationsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  execute(ticketId: string | undefined): Promise<EscalationView[]> {
    if (!ticketId || !/^[0-9a-f-]{36}$/i.test(ticketId)) {
      throw new AppError('ESCALATION.TICKET_ID_REQUIRED', 'pass ?ticketId= with a ticket id', 400);
    }
    return this.dataSource.query(
      `SELECT id, ticket_id AS "ticketId", from_tier AS "fromTier", to_tier AS "toTier", trigger, reason, escalated_at AS "escalatedAt"
         FROM "${this.config.database.schema}".escalations WHERE ticket_id = $1 ORDER BY escalated_at`,
      [ticketId],
    );
  }
}
