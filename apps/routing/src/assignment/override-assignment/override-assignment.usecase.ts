import { Injectable } from '@nestjs/common';
import { assignmentOverriddenEvent, ticketRoutedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { AppError, conflict, notFound } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { AgentRepository } from '../../agents/agent.repository.js';
import { AssignmentRepository } from '../assignment.repository.js';
import { QueueDrainer } from '../queue-drainer.js';
import type { OverrideAssignmentCommand } from './override-assignment.command.js';

@Injectable()
export class OverrideAssignmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: AssignmentRepository,
    private readonly agents: AgentRepository,
    private readonly outbox: EventOutbox,
    private readonly drainer: QueueDrainer,
  ) {}

  async execute(command: OverrideAssignmentCommand): Promise<{ ticketId: string; agentId: string; version: number }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const route = await this.repo.lockRoute(manager, command.ticketId);
      if (!route) throw notFound('ROUTING.ASSIGNMENT_NOT_FOUND', `ticket ${command.ticketId} has not been routed`);
      if (route.state === 'closed') throw conflict('ROUTING.TICKET_CLOSED', `ticket ${command.ticketId} is resolved`);
      if (route.agentId === command.agentId)
        throw conflict('ROUTING.ALREADY_ASSIGNED', `ticket is already with ${command.agentId}`);
      const agent = await this.agents.lock(manager, command.agentId);
      if (!agent) throw notFound('ROUTING.AGENT_NOT_FOUND', `agent ${command.agentId} does not exist`);
      if (!agent.tiers.includes(route.tier)) {
        throw new AppError('ROUTING.AGENT_TIER_MISMATCH', `agent ${agent.id} does not take ${route.tier} tickets`, 422);
      }
      if (agent.status === 'offline') throw conflict('ROUTING.AGENT_OFFLINE', `agent ${agent.id} is offline`);
      if (agent.openTickets >= agent.capacity) {
        throw conflict('ROUTING.AGENT_AT_CAPACITY', `agent ${agent.id} has ${agent.openTickets}/${agent.capacity} open tickets`);
      }
      if (route.agentId) await this.repo.release(manager, route.agentId);
      await this.repo.claim(manager, agent.id);
      const version = route.version + 1;
      await this.repo.updateRoute(manager, {
        ...route,
        agentId: agent.id,
        version,
        state: 'open',
        queuedAt: null,
        queueRank: null,
      });
      await this.repo.markOverridden(manager, route.ticketId, route.version);
      const rationale = [`override by ${command.supervisorId}: ${command.reason}`];
      await this.repo.recordAssignment(manager, {
        ticketId: route.ticketId,
        version,
        tier: route.tier,
        agentId: agent.id,
        score: 1,
        confidence: 1,
        rationale,
        reason: 'override',
        supervisorId: command.supervisorId,
      });
      const meta = { subject: route.ticketId, correlationId: command.correlationId, causationId: null };
      await this.outbox.append(
        manager,
        ticketRoutedEvent,
        {
          ticketId: route.ticketId,
          tier: route.tier,
          agentId: agent.id,
          assignmentVersion: version,
          score: 1,
          confidence: 1,
          rationale,
          reason: 'override',
        },
        meta,
      );
      await this.outbox.append(
        manager,
        assignmentOverriddenEvent,
        {
          ticketId: route.ticketId,
          tier: route.tier,
          fromAgentId: route.agentId,
          toAgentId: agent.id,
          supervisorId: command.supervisorId,
          reason: command.reason,
          overriddenVersion: route.version,
          overriddenAt: new Date().toISOString(),
        },
        meta,
      );
      return { ticketId: route.ticketId, agentId: agent.id, version, freed: route.agentId ? route.tier : null };
    });
    if (result.freed) await this.drainer.drain([result.freed], null);
    return { ticketId: result.ticketId, agentId: result.agentId, version: result.version };
  }
}
