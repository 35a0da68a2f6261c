import { Module } from '@nestjs/common';
import { DeliverWebhookUseCase } from './deliveries/deliver-webhook.usecase.js';
import { DeliveryLogUseCase } from './deliveries/delivery-log.usecase.js';
import { DeliveryRepository } from './deliveries/delivery.repository.js';
import { RearmDeliveriesUseCase } from './deliveries/rearm-deliveries.usecase.js';
import { RecordDeliveriesUseCase } from './deliveries/record-deliveries.usecase.js';
import { TicketAttributesReader } from './deliveries/ticket-attributes.reader.js';
import { WebhookQueue } from './deliveries/webhook-queue.js';
import { WebhookWorker } from './deliveries/webhook.worker.js';
import { IntegratorsGrpcController } from './integrators.grpc.controller.js';
import { IntegratorsHttpController } from './integrators.http.controller.js';
import { ReplayEventsUseCase } from './replay/replay-events.usecase.js';
import { ManageSubscriptionsUseCase } from './subscriptions/manage-subscriptions.usecase.js';
import { SubscriptionRepository } from './subscriptions/subscription.repository.js';
import { loadWebhookConfig, WEBHOOK_CONFIG } from './webhook-config.js';

/** Webhook subscriptions of integrators and at-least-once, per-ticket-ordered delivery of ticket events. */
@Module({
  controllers: [IntegratorsHttpController, IntegratorsGrpcController],
  providers: [
    { provide: WEBHOOK_CONFIG, useFactory: () => loadWebhookConfig() },
    SubscriptionRepository,
    DeliveryRepository,
    TicketAttributesReader,
    WebhookQueue,
    ManageSubscriptionsUseCase,
    RecordDeliveriesUseCase,
    DeliverWebhookUseCase,
    RearmDeliveriesUseCase,
    DeliveryLogUseCase,
    ReplayEventsUseCase,
    WebhookWorker,
  ],
})
export class IntegratorsModule {}
