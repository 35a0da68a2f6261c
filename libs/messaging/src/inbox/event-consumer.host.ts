import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { qualifiedTopic, type EventDefinition } from '@switchboard/contracts';
import { type EventHandler, HANDLES_EVENT } from '../handler.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging.options.js';
import type { InboxConsumer, InboxRoute } from './inbox-consumer.js';
import { InboxConsumers } from './inbox-consumers.js';

/** Runs every @HandlesEvent provider of the service in the service's consumer group, one handler per topic. */
@Injectable()
export class EventConsumerHost {
  private readonly logger = new Logger(EventConsumerHost.name);
  private consumer: InboxConsumer | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly consumers: InboxConsumers,
    private readonly discovery: DiscoveryService,
  ) {}

  async start(): Promise<void> {
    const routes = new Map<string, InboxRoute>();
    for (const wrapper of this.discovery.getProviders()) {
      const definitions: EventDefinition[] | undefined = wrapper.metatype && Reflect.getMetadata(HANDLES_EVENT, wrapper.metatype);
      if (!definitions || !wrapper.instance) continue;
      const handler = wrapper.instance as EventHandler;
      for (const definition of definitions) {
        const topic = qualifiedTopic(this.options.topicNamespace, definition.topic);
        if (routes.has(topic)) throw new Error(`two handlers for ${topic}`);
        routes.set(topic, { definition, handle: (event, _definition, context) => handler.handle(event, context) });
      }
    }
    if (routes.size === 0) return;
    this.consumer = this.consumers.create(this.options.consumerGroup, routes, this.logger);
    await this.consumer.start();
    this.logger.log(`consuming ${[...routes.keys()].join(', ')} as ${this.options.consumerGroup}`);
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }
}
