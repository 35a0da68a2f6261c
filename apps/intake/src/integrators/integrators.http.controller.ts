import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiRoute, parseInput, RequiresScope } from '@switchboard/service-kit';
import { z } from 'zod';
import { DeliveryLogUseCase, logQuery } from './deliveries/delivery-log.usecase.js';
import { ReplayEventsUseCase, replaySchema } from './replay/replay-events.usecase.js';
import { ManageSubscriptionsUseCase } from './subscriptions/manage-subscriptions.usecase.js';
import {
  createSchema as createSubscriptionSchema,
  createSubscriptionCommand,
  updateSchema as updateSubscriptionSchema,
  updateSubscriptionCommand,
} from './subscriptions/subscription.commands.js';
import { ticketEventDefinitions } from './ticket-events.js';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook-config.js';

const retryBody = z.object({ deliveryIds: z.array(z.uuid()).min(1).max(10_000).optional() }).strict();

@Controller('v1/webhooks')
export class IntegratorsHttpController {
  constructor(
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
    private readonly subscriptions: ManageSubscriptionsUseCase,
    private readonly log: DeliveryLogUseCase,
    private readonly replay: ReplayEventsUseCase,
  ) {}

  @RequiresScope('subscribe')
  @ApiRoute({ summary: 'The ticket event types a subscription can ask for', responses: { 200: 'the event types and topics' } })
  @Get('event-types')
  eventTypes() {
    return { items: ticketEventDefinitions.map((d) => ({ type: d.type, topic: d.topic })) };
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'Create a webhook subscription; its signing secret is in this answer only',
    body: createSubscriptionSchema,
    responses: {
      201: 'the subscription, with its secret',
      422: 'invalid subscription, unknown event type or target URL not allowed',
    },
  })
  @Post('subscriptions')
  @HttpCode(201)
  create(@Body() body: unknown) {
    return this.subscriptions.create(createSubscriptionCommand(body, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS));
  }

  @RequiresScope('subscribe')
  @ApiRoute({ summary: 'Every webhook subscription (never their secrets)', responses: { 200: 'the subscriptions' } })
  @Get('subscriptions')
  async list() {
    return { items: await this.subscriptions.list() };
  }

  @RequiresScope('subscribe')
  @ApiRoute({ summary: 'One webhook subscription', responses: { 200: 'the subscription', 404: 'no such subscription' } })
  @Get('subscriptions/:id')
  get(@Param('id') id: string) {
    return this.subscriptions.get(id);
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'Update a webhook subscription (name, URL, event types, filter, status)',
    body: updateSubscriptionSchema,
    responses: {
      200: 'the subscription',
      404: 'no such subscription',
      422: 'invalid update, unknown event type or target URL not allowed',
    },
  })
  @Patch('subscriptions/:id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.subscriptions.update(id, updateSubscriptionCommand(body, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS));
  }

  @RequiresScope('subscribe')
  @ApiRoute({ summary: 'Delete a webhook subscription', responses: { 204: 'deleted', 404: 'no such subscription' } })
  @Delete('subscriptions/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.subscriptions.delete(id);
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'Issue a new signing secret; the previous one stays valid for a grace period',
    responses: { 200: 'the subscription, with its new secret', 404: 'no such subscription' },
  })
  @Post('subscriptions/:id/rotate-secret')
  @HttpCode(200)
  rotate(@Param('id') id: string) {
    return this.subscriptions.rotateSecret(id);
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'The delivery log of a subscription, newest first, paged with `after`',
    query: logQuery,
    responses: { 200: 'the deliveries and the next page cursor', 404: 'no such subscription', 422: 'invalid query' },
  })
  @Get('subscriptions/:id/deliveries')
  deliveries(@Param('id') id: string, @Query() query: Record<string, string>) {
    return this.log.log(id, query);
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'The dead deliveries of a subscription, paged with `after`',
    query: logQuery.omit({ status: true }),
    responses: { 200: 'the dead deliveries and the next page cursor', 404: 'no such subscription', 422: 'invalid query' },
  })
  @Get('subscriptions/:id/dead-letters')
  deadLetters(@Param('id') id: string, @Query() query: Record<string, string>) {
    return this.log.log(id, { ...query, status: 'dead' });
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'Retry dead deliveries of a subscription (all of them, or the listed ids)',
    body: retryBody,
    responses: { 202: 'accepted: how many were requeued', 404: 'no such subscription', 422: 'invalid delivery ids' },
  })
  @Post('subscriptions/:id/dead-letters/retry')
  @HttpCode(202)
  retryDead(@Param('id') id: string, @Body() body: unknown) {
    return this.log.retryDead(id, parseInput(retryBody, body ?? {}).deliveryIds);
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: 'Retry one dead delivery',
    responses: { 202: 'accepted: how many were requeued', 404: 'no such delivery' },
  })
  @Post('deliveries/:id/retry')
  @HttpCode(202)
  retryOne(@Param('id') id: string) {
    return this.log.retryOne(id);
  }

  @RequiresScope('subscribe')
  @ApiRoute({
    summary: "Re-send the subscription's events from a point in time, read back from Kafka",
    body: replaySchema,
    responses: {
      202: 'accepted: events read and deliveries replayed',
      404: 'no such subscription',
      422: 'invalid window (`until` must be after `from`)',
    },
  })
  @Post('subscriptions/:id/replays')
  @HttpCode(202)
  replayFrom(@Param('id') id: string, @Body() body: unknown) {
    return this.replay.execute(id, body);
  }
}
