import type { AgentStatus, Channel, Tier } from '@switchboard/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WeeklyHours, Shift } from './availability.js';

@Entity({ name: 'agents' })
export class AgentEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  /** Home tier; `tiers` lists every tier the agent takes tickets for. */
  @Column('text') tier!: Tier;
  @Column('text', { array: true }) tiers!: Tier[];
  /** Components the agent is skilled in (plugin-system, event-bus, ...). */
  @Column('text', { array: true }) skills!: string[];
  @Column('text', { array: true }) languages!: string[];
  @Column('int') capacity!: number;
  @Column('jsonb', { name: 'channel_capacity' }) channelCapacity!: Partial<Record<Channel, number>>;
  @Column('int', { name: 'open_tickets' }) openTickets!: number;
  @Column('text') status!: AgentStatus;
  @Column('text') timezone!: string;
  @Column('jsonb', { name: 'working_hours' }) workingHours!: WeeklyHours;
  @Column('jsonb') shifts!: Shift[];
  @Column('timestamptz', { name: 'last_assigned_at', nullable: true }) lastAssignedAt!: Date | null;
  @Column('text', { name: 'team_id', nullable: true }) teamId!: string | null;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
