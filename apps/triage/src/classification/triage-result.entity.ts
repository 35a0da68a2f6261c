import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FieldResult } from './rules-classifier.js';
import type { TriageField } from './taxonomy.js';
import type { TriageGuidance } from './triage-guidance.js';

@Entity({ name: 'triage_results' })
export class TriageResultEntity {
  @PrimaryColumn('uuid', { name: 'ticket_id' }) ticketId!: string;
  @Column('jsonb') fields!: Record<TriageField, FieldResult>;
  @Column('double precision') confidence!: number;
  @Column('text') rationale!: string;
  @Column('text', { name: 'model_version' }) modelVersion!: string;
  @Column('jsonb', { nullable: true }) guidance!: TriageGuidance | null;
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('text', { nullable: true }) body!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
