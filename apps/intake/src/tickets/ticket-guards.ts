import { AppError, notFound } from '@switchboard/service-kit';
import type { TicketEntity } from './ticket.entity.js';

export function ticketOrFail(ticket: TicketEntity | null, id: string): TicketEntity {
  if (!ticket) throw notFound('INTAKE.TICKET_NOT_FOUND', `ticket ${id} does not exist`);
  return ticket;
}

export function openTicketOrFail(ticket: TicketEntity | null, id: string): TicketEntity {
  const found = ticketOrFail(ticket, id);
  if (found.status === 'resolved') throw new AppError('INTAKE.TICKET_RESOLVED', `ticket ${id} is already resolved`, 409);
  return found;
}
