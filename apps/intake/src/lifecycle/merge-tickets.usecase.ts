import { Injectable } from '@nestjs/common';
import { type Channel, ticketMergedEvent } from '@switchboard/contracts';
import { EventOutbox } from '@switchboard/messaging';
import { AppError, parseInput } from '@switchboard/service-kit';
import { z } from 'zod';
import type { TicketEntity } from '../tickets/ticket.entity.js';
import { TicketRepository } from '../tickets/ticket.repository.js';
import { isUuid, ticketOrFail } from '../tickets/ticket-guards.js';
import { TicketStatusWriter } from './ticket-status-writer.js';

export const schema = z
  .object({
    duplicateTicketId: z.uuid(),
    mergedBy: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export class MergeTicketsCommand {
  private constructor(
    readonly ticketId: string,
    readonly duplicateTicketId: string,
    readonly mergedBy: string,
    readonly reason: string | undefined,
  ) {}

  static create(ticketId: string, input: unknown): MergeTicketsCommand {
    const parsed = parseInput(schema, input ?? {});
    return new MergeTicketsCommand(ticketId, parsed.duplicateTicketId, parsed.mergedBy, parsed.reason);
  }
}

/** An agent folds a duplicate into the ticket that survives; the duplicate closes and its keys follow. */
@Injectable()
export class MergeTicketsUseCase {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly outbox: EventOutbox,
    private readonly status: TicketStatusWriter,
  ) {}

  execute(command: MergeTicketsCommand): Promise<{ ticketId: string; mergedTicketId: string }> {
    if (command.ticketId === command.duplicateTicketId) {
      throw new AppError('INTAKE.MERGE_INVALID', 'a ticket cannot be merged into itself', 422);
    }
    return this.tickets.transaction(async (manager) => {
      // Lock in id order: two opposite merges of the same pair cannot deadlock.
      const locked = new Map<string, TicketEntity | null>();
      for (const id of [command.ticketId, command.duplicateTicketId].sort())
        locked.set(id, isUuid(id) ? await this.tickets.lockById(manager, id) : null);
      const survivor = ticketOrFail(locked.get(command.ticketId) ?? null, command.ticketId);
      const duplicate = ticketOrFail(locked.get(command.duplicateTicketId) ?? null, command.duplicateTicketId);
      if (survivor.mergedInto || survivor.lifecycleStatus === 'closed') {
        throw new AppError('INTAKE.MERGE_INVALID', `ticket ${survivor.id} is closed and cannot take a merge`, 409);
      }
      if (duplicate.mergedInto) throw new AppError('INTAKE.MERGE_INVALID', `ticket ${duplicate.id} is already merged`, 409);
      duplicate.mergedInto = survivor.id;
      await this.status.change(manager, duplicate, {
        to: 'closed',
        changedBy: command.mergedBy,
        reason: `merged into ${survivor.id}`,
      });
      await this.tickets.repointKeys(manager, duplicate.id, survivor.id);
      const mergedAt = new Date().toISOString();
      const envelope = await this.outbox.append(
        manager,
        ticketMergedEvent,
        {
          ticketId: survivor.id,
          mergedTicketId: duplicate.id,
          reason: 'manual',
          channel: duplicate.channel as Channel,
          mergedBy: command.mergedBy,
          mergedAt,
        },
        { subject: survivor.id, correlationId: survivor.correlationId, causationId: null },
      );
      await this.tickets.appendTimeline(
        manager,
        survivor.id,
        {
          type: 'merged',
          at: mergedAt,
          data: { mergedTicketId: duplicate.id, reason: 'manual', mergedBy: command.mergedBy, note: command.reason },
        },
        envelope.id,
      );
      await this.tickets.appendTimeline(
        manager,
        duplicate.id,
        { type: 'merged_into', at: mergedAt, data: { ticketId: survivor.id, reason: 'manual', mergedBy: command.mergedBy } },
        null,
      );
      return { ticketId: survivor.id, mergedTicketId: duplicate.id };
    });
  }
}
