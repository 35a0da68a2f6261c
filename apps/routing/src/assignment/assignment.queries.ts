import { Inject, Injectable } from '@nestjs/common';
import { notFound, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { AgentEntity } from '../agents/agent.entity.js';
import { AssignmentRepository } from './assignment.repository.js';

@Injectable()
export class AssignmentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assignments: AssignmentRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async assignment(ticketId: string) {
    const manager = this.dataSource.manager;
    const rows = /^[0-9a-f-]{36}$/i.test(ticketId)
      ? await manager.query(
          `SELECT ticket_id AS "ticketId", tier, agent_id AS "agentId", version, state
             FROM "${this.config.database.schema}".ticket_routes WHERE ticket_id = $1`,
          [ticketId],
        )
      : [];
    if (rows.length === 0) throw notFound('ROUTING.ASSIGNMENT_NOT_FOUND', `ticket ${ticketId} has not been routed`);
    return { ...rows[0], history: await this.assignments.assignmentsOf(manager, ticketId) };
  }

  agents(tier?: string): Promise<AgentEntity[]> {
    return this.dataSource.manager.find(AgentEntity, { where: tier ? { tier } : {}, order: { tier: 'ASC', id: 'ASC' } });
  }
}
