import { environmentFromText } from '../environment.js';
import type { InboundMessage } from '../ingest/inbound-message.js';
import type { EmailMessage } from './email-message.js';

/** Every Message-ID of a thread is a thread key, so a reply to any message in it finds the ticket. */
export function emailInbound(mail: EmailMessage, correlationId: string): InboundMessage {
  return {
    channel: 'email',
    messageKey: `email:${mail.messageId}`,
    aliasKeys: [],
    threadRefs: mail.threadRefs.map((id) => `email:${id}`),
    threadKeys: [mail.messageId, ...mail.threadRefs].map((id) => `email:${id}`),
    continueResolved: true,
    startsThread: false,
    customer: { id: mail.from.address, email: mail.from.address },
    subject: mail.subject,
    body: mail.text,
    environment: environmentFromText(mail.fullText),
    attachments: mail.attachments,
    externalId: mail.messageId,
    correlationId,
  };
}
