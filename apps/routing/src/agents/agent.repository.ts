import { Injectable } from '@nestjs/common';
import type { AgentStatus } from '@switchboard/contracts';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AgentEntity } from './agent.entity.js';

@Injectable()
export class AgentRepository {
  constructor(private readonly dataSource: DataSource) {}

  get(id: string, manager: EntityManager = this.dataSource.manager): Promise<AgentEntity | null> {
    return manager.findOne(AgentEntity, { where: { id, deletedAt: IsNull() } });
  }

  /** Row lock: status, capacity and assignments of one agent change one transaction at a time. */
  lock(manager: EntityManager, id: string): Promise<AgentEntity | null> {
    return manager.findOne(AgentEntity, { where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  list(filter: { tier?: string; status?: string }): Promise<AgentEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(AgentEntity, 'a')
      .where('a.deleted_at IS NULL')
      .orderBy('a.tier')
      .addOrderBy('a.id');
    if (filter.tier) qb.andWhere(':tier = ANY(a.tiers)', { tier: filter.tier });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    return qb.getMany();
  }

  /** Returns false when the id is taken, by a live or a deleted agent (ids are never reused). */
  async insert(manager: EntityManager, agent: Partial<AgentEntity>): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(AgentEntity)
      .values(agent as QueryDeepPartialEntity<AgentEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  async update(manager: EntityManager, id: string, changes: Partial<AgentEntity>): Promise<void> {
    await manager.update(AgentEntity, { id }, { ...changes, updatedAt: new Date() } as QueryDeepPartialEntity<AgentEntity>);
  }

  async setStatus(manager: EntityManager, id: string, status: AgentStatus): Promise<void> {
    await this.update(manager, id, { status });
  }
}
