import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TicketStatus as LifecycleStatus } from '@switchboard/contracts';
import type { RedactionCounts } from '../redaction/redactor.js';
import type { TicketRouting, TicketSla, TicketStatus, TicketSuggestion, TicketTriage } from './ticket-projection.js';

@Entity({ name: 'tickets' })
export class TicketEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('text', { name: 'request_hash' }) requestHash!: string;
  @Column('text') status!: TicketStatus;
  @Column('text') channel!: string;
  @Column('text') subject!: string;
  @Column('text') body!: string;
  @Column('jsonb') customer!: { id: string; email?: string; serviceLevel: string };
  @Column('jsonb', { nullable: true }) environment!: Record<string, unknown> | null;
  @Column('text', { name: 'correlation_id' }) correlationId!: string;
  @Column('jsonb', { nullable: true }) triage!: TicketTriage | null;
  @Column('jsonb', { nullable: true }) routing!: TicketRouting | null;
  @Column('jsonb') sla!: TicketSla;
  @Column('jsonb') suggestions!: TicketSuggestion[];
  /** The customer-facing lifecycle (contracts' ticket status); `status` above tracks pipeline progress. */
  @Column('text', { name: 'lifecycle_status' }) lifecycleStatus!: LifecycleStatus;
  @Column('integer', { name: 'reopen_count' }) reopenCount!: number;
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  /** `email:ana@example.org`, `github:octocat`, …: who this is, across channels. */
  @Column('text', { name: 'customer_identities', array: true }) customerIdentities!: string[];
  @Column('text') fingerprint!: string;
  @Column('jsonb') redactions!: RedactionCounts;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
