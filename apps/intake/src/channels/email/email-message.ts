import { createHash } from 'node:crypto';
import { AppError } from '@switchboard/service-kit';
import { simpleParser } from 'mailparser';
import { stripQuotedReply } from './reply-text.js';

export interface AttachmentMeta {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** What intake keeps from a raw RFC 822 message; attachment contents are never kept. */
export interface EmailMessage {
  messageId: string;
  /** Every message id this one refers to (In-Reply-To first, then References, newest last). */
  threadRefs: string[];
  from: { address: string; name?: string };
  subject: string;
  /** The text the sender wrote now, without quoted thread and signature. */
  text: string;
  /** The full plain text, for diagnostics blocks that sit below a signature. */
  fullText: string;
  attachments: AttachmentMeta[];
  sentAt: string | null;
}

const ids = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map(normalizeMessageId).filter((id) => id !== '');

export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

const invalid = (message: string) => new AppError('INTAKE.EMAIL_INVALID', message, 422);

/** Plain text of an HTML-only message: enough for matching and reading, not a renderer. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function parseEmail(raw: Buffer): Promise<EmailMessage> {
  if (raw.length === 0) throw invalid('the message is empty');
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(head) || !/\r?\n\r?\n/.test(head)) {
    throw invalid('the body is not an RFC 822 message (no header block)');
  }
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const from = mail.from?.value[0];
  if (!from?.address) throw invalid('the message has no From address');
  if (!mail.messageId) throw invalid('the message has no Message-ID');
  const plain = mail.text?.trim() ?? '';
  const fullText = plain || (typeof mail.html === 'string' ? htmlToText(mail.html).trim() : '');
  const text = stripQuotedReply(fullText);
  const inReplyTo = ids(mail.inReplyTo);
  const references = ids(mail.references);
  return {
    messageId: normalizeMessageId(mail.messageId),
    threadRefs: [...new Set([...inReplyTo, ...references])],
    from: { address: from.address.toLowerCase(), ...(from.name ? { name: from.name } : {}) },
    subject: (mail.subject ?? '').trim() || '(no subject)',
    text: text || fullText,
    fullText,
    attachments: mail.attachments
      .filter((a) => a.contentDisposition !== 'inline' || a.filename)
      .map((a) => ({
        filename: a.filename ?? 'unnamed',
        contentType: a.contentType,
        size: a.size,
        sha256: createHash('sha256').update(a.content).digest('hex'),
      })),
    sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
  };
}
