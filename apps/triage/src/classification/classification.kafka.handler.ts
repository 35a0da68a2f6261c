import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type InquiryReceived, inquiryReceivedEvent } from '@switchboard/contracts';
import { type EventHandler, type HandlerContext, HandlesEvent } from '@switchboard/messaging';
import { ClassifyInquiryUseCase } from './classify-inquiry/classify-inquiry.usecase.js';

@Injectable()
@HandlesEvent(inquiryReceivedEvent)
export class InquiryReceivedKafkaHandler implements EventHandler {
  constructor(private readonly classify: ClassifyInquiryUseCase) {}

  handle(event: EventEnvelope<InquiryReceived>, context: HandlerContext): Promise<void> {
    return this.classify.execute(event.data, context);
  }
}
