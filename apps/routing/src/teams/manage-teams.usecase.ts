import { Inject, Injectable } from '@nestjs/common';
import { conflict, notFound, SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource } from 'typeorm';
import type { TeamInput } from './team.commands.js';

export interface TeamView {
  id: string;
  name: string;
  description: string;
  members: { id: string; name: string; tier: string; status: string; openTickets: number; capacity: number }[];
  openTickets: number;
  capacity: number;
}

/** Teams group agents (a plugin squad, a night shift); a team with members cannot be deleted. */
@Injectable()
export class ManageTeamsUseCase {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.s = config.database.schema;
  }

  async create(team: TeamInput): Promise<TeamView> {
    const rows = await this.dataSource.query(
      `INSERT INTO "${this.s}".teams (id, name, description) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [team.id, team.name, team.description],
    );
    if (rows.length === 0) throw conflict('ROUTING.TEAM_EXISTS', `a team with id ${team.id} exists`);
    return this.get(team.id);
  }

  async update(id: string, changes: Partial<Omit<TeamInput, 'id'>>): Promise<TeamView> {
    const [, updated] = await this.dataSource.query(
      `UPDATE "${this.s}".teams SET name = coalesce($2, name), description = coalesce($3, description), updated_at = now() WHERE id = $1`,
      [id, changes.name ?? null, changes.description ?? null],
    );
    if (updated === 0) throw notFound('ROUTING.TEAM_NOT_FOUND', `team ${id} does not exist`);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [team] = await manager.query(`SELECT id FROM "${this.s}".teams WHERE id = $1 FOR UPDATE`, [id]);
      if (!team) throw notFound('ROUTING.TEAM_NOT_FOUND', `team ${id} does not exist`);
      const [{ n }] = await manager.query(
        `SELECT count(*)::int AS n FROM "${this.s}".agents WHERE team_id = $1 AND deleted_at IS NULL`,
        [id],
      );
      if (n > 0) throw conflict('ROUTING.TEAM_NOT_EMPTY', `team ${id} still has ${n} agents`);
      await manager.query(`UPDATE "${this.s}".agents SET team_id = NULL WHERE team_id = $1`, [id]);
      await manager.query(`DELETE FROM "${this.s}".teams WHERE id = $1`, [id]);
    });
  }

  async get(id: string): Promise<TeamView> {
    const [team] = await this.list(id);
    if (!team) throw notFound('ROUTING.TEAM_NOT_FOUND', `team ${id} does not exist`);
    return team;
  }

  async list(id?: string): Promise<TeamView[]> {
    const rows = await this.dataSource.query(
      `SELECT t.id, t.name, t.description,
              coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'name', a.name, 'tier', a.tier, 'status', a.status,
                'openTickets', a.open_tickets, 'capacity', a.capacity) ORDER BY a.id) FILTER (WHERE a.id IS NOT NULL), '[]') AS members,
              coalesce(sum(a.open_tickets), 0)::int AS "openTickets", coalesce(sum(a.capacity), 0)::int AS capacity
         FROM "${this.s}".teams t LEFT JOIN "${this.s}".agents a ON a.team_id = t.id AND a.deleted_at IS NULL
        WHERE ($1::text IS NULL OR t.id = $1) GROUP BY t.id ORDER BY t.id`,
      [id ?? null],
    );
    return rows;
  }
}
