import type { TicketStatus as LifecycleStatus } from '@switchboard/contracts';
import { AppError } from '@switchboard/service-kit';
import type { TicketStatus } from '../tickets/ticket-projection.js';

/** Closed is terminal; resolved can only be reopened or closed. */
const ALLOWED: Record<LifecycleStatus, LifecycleStatus[]> = {
  open: ['waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function assertTransition(ticketId: string, from: LifecycleStatus, to: LifecycleStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('INTAKE.ILLEGAL_STATUS_TRANSITION', `ticket ${ticketId} cannot go from ${from} to ${to}`, 409, {
      from,
      to,
      allowed: ALLOWED[from],
    });
  }
}

export const isReopen = (from: LifecycleStatus, to: LifecycleStatus) =>
  to === 'open' && (from === 'resolved' || from === 'closed');

/** The pipeline-progress status shown next to the lifecycle, recomputed when the lifecycle moves. */
export function progressStatusFor(to: LifecycleStatus, ticket: { triage: unknown; routing: unknown }): TicketStatus {
  if (to !== 'open') return to;
  if (ticket.routing) return 'assigned';
  return ticket.triage ? 'triaged' : 'new';
}
