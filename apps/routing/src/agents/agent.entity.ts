import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agents' })
export class AgentEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text') tier!: string;
  @Column('text', { array: true }) skills!: string[];
  @Column('int') capacity!: number;
  @Column('int', { name: 'open_tickets' }) openTickets!: number;
  @Column('text') status!: string;
  @Column('timestamptz', { name: 'last_assigned_at', nullable: true }) lastAssignedAt!: Date | null;
}
