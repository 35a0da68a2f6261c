import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type SlaBreached, slaBreachedEvent } from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { EscalateTicketUseCase } from './escalate-ticket/escalate-ticket.usecase.js';

@Injectable()
@HandlesEvent(slaBreachedEvent)
export class SlaBreachedKafkaHandler implements EventHandler {
  constructor(private readonly escalate: EscalateTicketUseCase) {}

  handle(event: EventEnvelope<SlaBreached>, context: HandlerContext): Promise<void> {
    return this.escalate.onBreach(event.data, context);
  }
}
