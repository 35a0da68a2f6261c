import { Injectable } from '@nestjs/common';
import { type CustomerReplied, customerRepliedEvent, type EventEnvelope, sentimentAssessedEvent } from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ModelRegistry } from '../learning/model-registry.js';

/** Reads the sentiment of every customer message with the active model, so escalation can follow the trend. */
@Injectable()
@HandlesEvent(customerRepliedEvent)
export class CustomerRepliedKafkaHandler implements EventHandler {
  constructor(private readonly registry: ModelRegistry) {}

  async handle(event: EventEnvelope<CustomerReplied>, context: HandlerContext): Promise<void> {
    const { sentiment, modelVersion } = this.registry.current.classify({ subject: '', body: event.data.body });
    await context.emit(sentimentAssessedEvent, {
      ticketId: event.data.ticketId,
      messageId: event.data.messageId,
      sentiment: sentiment.label,
      confidence: sentiment.confidence,
      modelVersion,
      assessedAt: new Date().toISOString(),
    });
  }
}
