import { z } from 'zod';

export const TIERS = ['L1', 'L2', 'L3', 'L4'] as const;
export const tierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof tierSchema>;

export const CHANNELS = ['api', 'email', 'chat', 'github', 'forum'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const SERVICE_LEVELS = ['standard', 'premium', 'enterprise'] as const;
export const serviceLevelSchema = z.enum(SERVICE_LEVELS);
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

/** `next_response` runs from a customer's reply to the agent's next answer. */
export const SLA_CLOCK_KINDS = ['first_response', 'next_response', 'resolution'] as const;
export const slaClockKindSchema = z.enum(SLA_CLOCK_KINDS);
export type SlaClockKind = z.infer<typeof slaClockKindSchema>;

export const ticketIdSchema = z.uuid();

/** Label values come from configuration (another product brings its own), so only shape is fixed here. */
export const labelSchema = z.string().min(1).max(64);

/** `reopened` is not a status: a reopened ticket is `open` again with a higher reopen count. */
export const TICKET_STATUSES = ['open', 'waiting_on_customer', 'resolved', 'closed'] as const;
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

/** Why a ticket moved up a tier (the SOP's escalation triggers, plus a supervisor's manual call). */
export const ESCALATION_TRIGGERS = [
  'sla_breach',
  'sla_at_risk',
  'critical_urgency',
  'security',
  'code_change',
  'reopened',
  'sentiment',
  'manual',
] as const;
export const escalationTriggerSchema = z.enum(ESCALATION_TRIGGERS);
export type EscalationTrigger = z.infer<typeof escalationTriggerSchema>;
/** What an integrator's API key may do; `admin` includes every other scope. */
export const API_KEY_SCOPES = ['submit', 'read', 'subscribe', 'admin'] as const;
export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;
