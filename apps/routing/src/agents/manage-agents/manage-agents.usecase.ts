import { Inject, Injectable } from '@nestjs/common';
import { AppError, conflict, notFound, SERVICE_CONFIG, type ServiceConfig, transactionWithRetry } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import { QueueDrainer } from '../../assignment/queue-drainer.js';
import type { AgentEntity } from '../agent.entity.js';
import type { CreateAgentCommand, UpdateAgentCommand } from '../agent.commands.js';
import { AgentRepository } from '../agent.repository.js';

/** Agent profiles: who takes which tickets, how many, and when. */
@Injectable()
export class ManageAgentsUseCase {
  private readonly schema: string;

  constructor(
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly dataSource: DataSource,
    private readonly agents: AgentRepository,
    private readonly drainer: QueueDrainer,
  ) {
    this.schema = config.database.schema;
  }

  async create(command: CreateAgentCommand): Promise<AgentEntity> {
    const { agent } = command;
    await this.assertTeamExists(agent.teamId);
    const created = await this.agents.insert(this.dataSource.manager, { ...agent, openTickets: 0, lastAssignedAt: null });
    if (!created) throw conflict('ROUTING.AGENT_EXISTS', `an agent with id ${agent.id} exists or existed`);
    // a new online agent is new capacity: waiting tickets of their tiers go first
    if (agent.status === 'online') await this.drainer.drain(agent.tiers, null);
    return this.get(agent.id);
  }

  async update(command: UpdateAgentCommand): Promise<AgentEntity> {
    const tiers = await transactionWithRetry(this.dataSource, async (manager) => {
      const agent = await this.agents.lock(manager, command.agentId);
      if (!agent) throw notFound('ROUTING.AGENT_NOT_FOUND', `agent ${command.agentId} does not exist`);
      const changes = { ...command.changes };
      await this.assertTeamExists(changes.teamId);
      if (changes.capacity !== undefined && changes.capacity < agent.openTickets) {
        throw conflict(
          'ROUTING.CAPACITY_BELOW_LOAD',
          `agent ${agent.id} has ${agent.openTickets} open tickets; capacity cannot go below`,
        );
      }
      const tier = changes.tier ?? agent.tier;
      if (changes.tiers || changes.tier) changes.tiers = [...new Set([tier, ...(changes.tiers ?? agent.tiers)])];
      await this.agents.update(manager, agent.id, changes);
      return changes.tiers ?? agent.tiers;
    });
    await this.drainer.drain(tiers, null);
    return this.get(command.agentId);
  }

  private async assertTeamExists(teamId: string | null | undefined): Promise<void> {
    if (!teamId) return;
    const [team] = await this.dataSource.query(`SELECT 1 FROM "${this.schema}".teams WHERE id = $1`, [teamId]);
    if (!team) throw new AppError('ROUTING.TEAM_NOT_FOUND', `team ${teamId} does not exist`, 422);
  }

  async get(agentId: string): Promise<AgentEntity> {
    const agent = await this.agents.get(agentId);
    if (!agent) throw notFound('ROUTING.AGENT_NOT_FOUND', `agent ${agentId} does not exist`);
    return agent;
  }

  list(filter: { tier?: string; status?: string }): Promise<AgentEntity[]> {
    return this.agents.list(filter);
  }
}
