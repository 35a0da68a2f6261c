import { AppError, notFound } from '@switchboard/service-kit';
import type { TicketEntity } from './ticket.entity.js';

export function ticketOrFail(ticket: TicketEntity | null, id: string): TicketEntity {
  if (!ticket) throw notFound('INTAKE.TICKET_NOT_FOUND', `ticket ${id} does not exist`);
  return ticket;
}

export function openTicketOrFail(ticket: TicketEntity | null, id: string): TicketEntity {
  const found = ticketOrFail(ticket, id);
  if (found.lifecycleStatus === 'resolved') throw new AppError('INTAKE.TICKET_RESOLVED', `ticket ${id} is already resolved`, 409);
  if (found.lifecycleStatus === 'closed') {
    throw new AppError(
      'INTAKE.TICKET_CLOSED',
      `ticket ${id} is closed`,
      409,
      found.mergedInto ? { mergedInto: found.mergedInto } : undefined,
    );
  }
  return found;
}

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
