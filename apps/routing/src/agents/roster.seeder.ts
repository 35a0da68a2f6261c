import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SERVICE_CONFIG } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import type { RoutingConfig } from '../config.js';
import { AgentRepository } from './agent.repository.js';
import { DEFAULT_ROSTER } from './default-roster.js';

@Injectable()
export class RosterSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(RosterSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly agents: AgentRepository,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
  ) {}

  /** Adds the starter roster only to an empty agents table; existing agents are never touched. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedRoster) return;
    const schema = this.config.database.schema;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`switchboard.roster.${schema}`]);
      const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM "${schema}".agents`);
      if (count > 0) return;
      for (const a of DEFAULT_ROSTER) {
        await this.agents.insert(manager, {
          ...a,
          tiers: [a.tier],
          languages: ['en'],
          channelCapacity: {},
          status: 'online',
          timezone: 'UTC',
          workingHours: {},
          shifts: [],
          openTickets: 0,
        });
      }
      this.logger.log(`seeded ${DEFAULT_ROSTER.length} agents`);
    });
  }
}
