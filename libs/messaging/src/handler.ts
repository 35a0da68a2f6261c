import { SetMetadata } from '@nestjs/common';
import type { EventData, EventDefinition, EventEnvelope } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import type { EventOutbox } from './outbox/event-outbox.js';

/**
 * What a handler gets: the transaction that also records the event as processed, and `emit`,
 * which writes follow-up events into the same transaction with causation filled in.
 */
export class HandlerContext {
  private readonly committed: (() => Promise<void>)[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly cause: EventEnvelope,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Work that must only happen once the effects are durable (arming a Redis timer for a row
   * this transaction writes). Best effort: whatever it arms must also be recoverable from the database.
   */
  afterCommit(work: () => Promise<void>): void {
    this.committed.push(work);
  }

  /** @internal called by the consumer host after the transaction commits. */
  async runAfterCommit(): Promise<void> {
    for (const work of this.committed) await work();
  }

  emit<TDef extends EventDefinition>(definition: TDef, data: EventData<TDef>, subject = this.cause.subject) {
    return this.outbox.append(this.manager, definition, data, {
      subject,
      correlationId: this.cause.correlationId,
      causationId: this.cause.id,
    });
  }
}

export interface EventHandler<TDef extends EventDefinition = EventDefinition> {
  handle(event: EventEnvelope<EventData<TDef>>, context: HandlerContext): Promise<void>;
}

export const HANDLES_EVENT = Symbol('HANDLES_EVENT');

/** Marks a provider as the handler of one or more events; the consumer host discovers it at start. */
export const HandlesEvent = (...definitions: EventDefinition[]) => SetMetadata(HANDLES_EVENT, definitions);
