import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type TicketResolved, ticketResolvedEvent } from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { TriageResultEntity } from '../classification/triage-result.entity.js';
import { TRIAGE_FIELDS } from '../classification/taxonomy.js';
import { ModelVersionRepository } from './model-version.repository.js';

/** A resolved ticket's text with its final labels (as classified, or as a reviewer corrected them) is a training example. */
@Injectable()
@HandlesEvent(ticketResolvedEvent)
export class TicketResolvedKafkaHandler implements EventHandler {
  constructor(private readonly versions: ModelVersionRepository) {}

  async handle(event: EventEnvelope<TicketResolved>, context: HandlerContext): Promise<void> {
    const triage = await context.manager.findOne(TriageResultEntity, { where: { ticketId: event.data.ticketId } });
    if (!triage || triage.subject === null || triage.body === null) return;
    await this.versions.learn(context.manager, 'resolved', {
      ticketId: triage.ticketId,
      subject: triage.subject,
      body: triage.body,
      labels: Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, triage.fields[f].label])),
    });
  }
}
