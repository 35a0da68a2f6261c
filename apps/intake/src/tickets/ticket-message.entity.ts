import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentMeta } from '../channels/email/email-message.js';
import type { RedactionCounts } from '../redaction/redactor.js';

/** One message a customer sent on a ticket (the first inquiry or a reply), already redacted. */
@Entity({ name: 'ticket_messages' })
export class TicketMessageEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @Column('text') channel!: string;
  @Column('text', { name: 'external_id', nullable: true }) externalId!: string | null;
  @Column('text') author!: string;
  @Column('text') body!: string;
  @Column('jsonb', { nullable: true }) environment!: Record<string, unknown> | null;
  @Column('jsonb') attachments!: AttachmentMeta[];
  @Column('jsonb') redactions!: RedactionCounts;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
}
