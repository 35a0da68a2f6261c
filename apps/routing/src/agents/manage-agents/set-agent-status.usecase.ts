import { Injectable } from '@nestjs/common';
import { agentStatusChangedEvent, type AgentStatus } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { notFound, transactionWithRetry } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentRepository } from '../../assignment/assignment.repository.js';
import { QueueDrainer } from '../../assignment/queue-drainer.js';
import { TicketPlacement } from '../../assignment/ticket-placement.js';
import type { AgentEntity } from '../agent.entity.js';
import type { SetAgentStatusCommand } from '../agent.commands.js';
import { AgentRepository } from '../agent.repository.js';

export interface StatusChange {
  agentId: string;
  from: AgentStatus;
  to: AgentStatus;
  rebalanced: string[];
}

/**
 * Status changes are events. An agent going offline hands back every open ticket nobody has
 * answered yet; one coming online takes waiting tickets. Deleting an agent is going offline for good.
 */
@Injectable()
export class SetAgentStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agents: AgentRepository,
    private readonly routes: AssignmentRepository,
    private readonly placement: TicketPlacement,
    private readonly outbox: EventOutbox,
    private readonly drainer: QueueDrainer,
  ) {}

  async execute(command: SetAgentStatusCommand, options: { delete?: boolean } = {}): Promise<StatusChange> {
    const { change, agent, causationId } = await transactionWithRetry(this.dataSource, async (manager) => {
      const agent = await this.agents.lock(manager, command.agentId);
      if (!agent) throw notFound('ROUTING.AGENT_NOT_FOUND', `agent ${command.agentId} does not exist`);
      const change: StatusChange = { agentId: agent.id, from: agent.status, to: command.status, rebalanced: [] };
      let causationId: string | null = null;
      if (agent.status !== command.status) {
        await this.agents.setStatus(manager, agent.id, command.status);
        const envelope = await this.outbox.append(
          manager,
          agentStatusChangedEvent,
          { agentId: agent.id, from: agent.status, to: command.status, changedAt: new Date().toISOString() },
          { subject: agent.id, correlationId: command.correlationId, causationId: null },
        );
        causationId = envelope.id;
        if (command.status === 'offline') change.rebalanced = await this.rebalance(manager, agent, envelope.id);
      }
      if (options.delete) await this.agents.update(manager, agent.id, { deletedAt: new Date() });
      return { change, agent, causationId };
    });
    if (change.to === 'online' && change.from !== 'online') await this.drainer.drain(agent.tiers, causationId);
    return change;
  }

  private async rebalance(manager: EntityManager, agent: AgentEntity, causationId: string): Promise<string[]> {
    const moved: string[] = [];
    for (const ticketId of await this.routes.unansweredOpenRoutes(manager, agent.id)) {
      const route = await this.routes.lockRoute(manager, ticketId);
      if (!route || route.agentId !== agent.id || route.state !== 'open') continue;
      await this.routes.release(manager, agent.id);
      const meta = { subject: ticketId, correlationId: route.correlationId ?? ticketId, causationId };
      await this.placement.place(
        manager,
        {
          route: { ...route, agentId: null },
          version: route.version + 1,
          reason: 'rebalance',
          tierReason: `${agent.name} (${agent.id}) went offline before answering`,
        },
        (definition, data) => this.outbox.append(manager, definition, data, meta),
      );
      moved.push(ticketId);
    }
    return moved;
  }
}
