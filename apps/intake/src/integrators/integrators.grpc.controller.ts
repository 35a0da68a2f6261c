import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { ManageSubscriptionsUseCase, type SubscriptionView } from './subscriptions/manage-subscriptions.usecase.js';
import { createSubscriptionCommand, updateSubscriptionCommand } from './subscriptions/subscription.commands.js';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook-config.js';

interface SubscriptionRequest {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  filterJson: string;
  status: string;
}

/** proto3 has no "absent", so empty strings and lists mean "not given" (as in the tickets API). */
function bodyOf(req: Partial<SubscriptionRequest>): Record<string, unknown> {
  let filter: unknown;
  if (req.filterJson) {
    try {
      filter = JSON.parse(req.filterJson);
    } catch {
      filter = req.filterJson;
    }
  }
  const body: Record<string, unknown> = {
    name: req.name || undefined,
    url: req.url || undefined,
    eventTypes: req.eventTypes?.length ? req.eventTypes : undefined,
    filter,
    status: req.status || undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

const message = (view: SubscriptionView & { secret?: string }) => ({
  id: view.id,
  name: view.name,
  url: view.url,
  eventTypes: view.eventTypes,
  filterJson: JSON.stringify(view.filter),
  status: view.status,
  secret: view.secret ?? '',
  createdAt: view.createdAt,
  updatedAt: view.updatedAt,
});

@Controller()
export class IntegratorsGrpcController {
  constructor(
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    private readonly subscriptions: ManageSubscriptionsUseCase,
  ) {}

  @GrpcMethod('WebhookSubscriptionService', 'CreateSubscription')
  create(req: SubscriptionRequest) {
    return grpcCall(async () =>
      message(await this.subscriptions.create(createSubscriptionCommand(bodyOf(req), this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS))),
    );
  }

  @GrpcMethod('WebhookSubscriptionService', 'GetSubscription')
  get(req: { id: string }) {
    return grpcCall(async () => message(await this.subscriptions.get(req.id)));
  }

  @GrpcMethod('WebhookSubscriptionService', 'ListSubscriptions')
  list() {
    return grpcCall(async () => ({ items: (await this.subscriptions.list()).map(message) }));
  }

  @GrpcMethod('WebhookSubscriptionService', 'UpdateSubscription')
  update(req: SubscriptionRequest) {
    return grpcCall(async () =>
      message(
        await this.subscriptions.update(
          req.id,
          updateSubscriptionCommand(bodyOf(req), this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS),
        ),
      ),
    );
  }

  @GrpcMethod('WebhookSubscriptionService', 'DeleteSubscription')
  remove(req: { id: string }) {
    return grpcCall(async () => {
      await this.subscriptions.delete(req.id);
      return { id: req.id };
    });
  }

  @GrpcMethod('WebhookSubscriptionService', 'RotateSecret')
  rotate(req: { id: string }) {
    return grpcCall(async () => message(await this.subscriptions.rotateSecret(req.id)));
  }
}
