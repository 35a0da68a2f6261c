import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import { DeliveryLogUseCase } from './deliveries/delivery-log.usecase.js';
import { ReplayEventsUseCase } from './replay/replay-events.usecase.js';
import { ManageSubscriptionsUseCase } from './subscriptions/manage-subscriptions.usecase.js';
import { createSubscriptionCommand, updateSubscriptionCommand } from './subscriptions/subscription.commands.js';
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

  @Get('event-types')
  eventTypes() {
    return { items: ticketEventDefinitions.map((d) => ({ type: d.type, topic: d.topic })) };
  }

  @Post('subscriptions')
  @HttpCode(201)
  create(@Body() body: unknown) {
    return this.subscriptions.create(createSubscriptionCommand(body, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS));
  }

  @Get('subscriptions')
  async list() {
    return { items: await this.subscriptions.list() };
  }

  @Get('subscriptions/:id')
  get(@Param('id') id: string) {
    return this.subscriptions.get(id);
  }

  @Patch('subscriptions/:id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.subscriptions.update(id, updateSubscriptionCommand(body, this.config.WEBHOOK_ALLOW_PRIVATE_TARGETS));
  }

  @Delete('subscriptions/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.subscriptions.delete(id);
  }

  @Post('subscriptions/:id/rotate-secret')
  @HttpCode(200)
  rotate(@Param('id') id: string) {
    return this.subscriptions.rotateSecret(id);
  }

  @Get('subscriptions/:id/deliveries')
  deliveries(@Param('id') id: string, @Query() query: Record<string, string>) {
    return this.log.log(id, query);
  }

  @Get('subscriptions/:id/dead-letters')
  deadLetters(@Param('id') id: string, @Query() query: Record<string, string>) {
    return this.log.log(id, { ...query, status: 'dead' });
  }

  @Post('subscriptions/:id/dead-letters/retry')
  @HttpCode(202)
  retryDead(@Param('id') id: string, @Body() body: unknown) {
    return this.log.retryDead(id, parseInput(retryBody, body ?? {}).deliveryIds);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(202)
  retryOne(@Param('id') id: string) {
    return this.log.retryOne(id);
  }

  @Post('subscriptions/:id/replays')
  @HttpCode(202)
  replayFrom(@Param('id') id: string, @Body() body: unknown) {
    return this.replay.execute(id, body);
  }
}
