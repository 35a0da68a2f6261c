import { createHash } from 'node:crypto';
import type { Channel, ServiceLevel } from '@switchboard/contracts';
import type { AttachmentMeta } from '../email/email-message.js';
import type { Environment } from '../environment.js';

export interface InboundCustomer {
  id: string;
  email?: string;
  /** A channel handle such as a GitHub login or forum user name. */
  handle?: string;
  serviceLevel?: ServiceLevel;
  language?: string;
  userType?: string;
}

/** One customer message from any channel, normalised; the channel adapters build it, ingest stores it. */
export interface InboundMessage {
  channel: Channel;
  /** Deterministic key of this message (`email:<message-id>`, `chat:<message-id>`, …): a repeat is a duplicate. */
  messageKey: string;
  /** Further keys of the same delivery (a GitHub delivery id and the comment id); any repeat is a duplicate. */
  aliasKeys: string[];
  /** Keys naming the conversation the message belongs to (ids it replies to, an issue, a chat). */
  threadRefs: string[];
  /** Keys under which later messages of this conversation will find the ticket. */
  threadKeys: string[];
  /** False for chat: a resolved conversation is over, the next message opens a new ticket. */
  continueResolved: boolean;
  /** True when the message starts its thread (an issue opened): an existing ticket for it means a repeat. */
  startsThread: boolean;
  customer: InboundCustomer;
  subject: string;
  body: string;
  environment?: Environment;
  attachments: AttachmentMeta[];
  externalId: string;
  correlationId: string;
}

/** `email:…`, `github:…`: the identities two channels can share for one person. */
export function customerIdentities(customer: InboundCustomer, channel: Channel): string[] {
  const ids = new Set<string>();
  if (customer.email) ids.add(`email:${customer.email.trim().toLowerCase()}`);
  if (customer.handle) ids.add(`${channel}:${customer.handle.trim().toLowerCase()}`);
  ids.add(`customer:${customer.id.trim().toLowerCase()}`);
  return [...ids];
}

/** The customer as the `inquiry received` contract knows it (the channel handle stays in intake). */
export function contractCustomer(customer: InboundCustomer) {
  return {
    id: customer.id,
    ...(customer.email ? { email: customer.email } : {}),
    serviceLevel: customer.serviceLevel ?? 'standard',
    ...(customer.language ? { language: customer.language } : {}),
    ...(customer.userType ? { userType: customer.userType } : {}),
  };
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
