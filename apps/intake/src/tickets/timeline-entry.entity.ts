import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'timeline_entries' })
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @Column('text') type!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { name: 'event_id', nullable: true }) eventId!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
}
