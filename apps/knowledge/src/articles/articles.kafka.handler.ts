import { Injectable } from '@nestjs/common';
import {
  type EventEnvelope,
  type InquiryReceived,
  inquiryReceivedEvent,
  type InquiryTriaged,
  inquiryTriagedEvent,
} from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { SuggestArticlesUseCase } from './suggest-articles/suggest-articles.usecase.js';

@Injectable()
@HandlesEvent(inquiryReceivedEvent)
export class InquiryReceivedKafkaHandler implements EventHandler {
  constructor(private readonly suggest: SuggestArticlesUseCase) {}

  handle(event: EventEnvelope<InquiryReceived>, context: HandlerContext): Promise<void> {
    return this.suggest.execute(event.data, context);
  }
}

@Injectable()
@HandlesEvent(inquiryTriagedEvent)
export class InquiryTriagedKafkaHandler implements EventHandler {
  constructor(private readonly suggest: SuggestArticlesUseCase) {}

  handle(event: EventEnvelope<InquiryTriaged>, context: HandlerContext): Promise<void> {
    return this.suggest.refine(event.data, context);
  }
}
