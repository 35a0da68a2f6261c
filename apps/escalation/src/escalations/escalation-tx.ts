import { randomUUID } from 'node:crypto';
import type { EventData, EventDefinition } from '@switchboard/contracts';
import type { EventOutbox, HandlerContext } from '@switchboard/messaging';
import type { EntityManager } from 'typeorm';

/** What an escalation step needs from its caller, whether a Kafka handler or an API request. */
export interface EscalationTx {
  manager: EntityManager;
  emit<TDef extends EventDefinition>(definition: TDef, data: EventData<TDef>): Promise<unknown>;
  causeEventId: string;
}

export const txOfContext = (context: HandlerContext): EscalationTx => ({
  manager: context.manager,
  emit: (d, data) => context.emit(d, data),
  causeEventId: context.cause.id,
});

/** An API request starts its own causal chain: a fresh correlation id, the ticket as the subject. */
export const txOfRequest = (manager: EntityManager, outbox: EventOutbox, ticketId: string): EscalationTx => {
  const correlationId = randomUUID();
  return {
    manager,
    emit: (d, data) => outbox.append(manager, d, data, { subject: ticketId, correlationId, causationId: null }),
    causeEventId: randomUUID(),
  };
};
