import { createHash } from 'node:crypto';
import { AppError } from '@switchboard/service-kit';
import { type ParsedMail, simpleParser } from 'mailparser';
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

const MAX_ID_LENGTH = 500;
const MAX_ADDRESS_LENGTH = 320;
const MAX_REFERENCES = 100;

const ids = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : [])
    .map(normalizeMessageId)
    .filter((id) => id !== '' && id.length <= MAX_ID_LENGTH);

export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

const invalid = (message: string) => new AppError('INTAKE.EMAIL_INVALID', message, 422);

const codePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/** Plain text of an HTML-only message: enough for matching and reading, not a renderer. */
function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*?<\/blockquote>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => codePoint(Number(dec)))
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
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  } catch (error) {
    throw invalid(`the message cannot be parsed: ${(error as Error).message}`);
  }
  const from = mail.from?.value[0];
  if (!from?.address) throw invalid('the message has no From address');
  if (from.address.length > MAX_ADDRESS_LENGTH) throw invalid('the From address is too long');
  if (!mail.messageId) throw invalid('the message has no Message-ID');
  if (mail.messageId.length > MAX_ID_LENGTH) throw invalid('the Message-ID is too long');
  const plain = mail.text?.trim() ?? '';
  const fullText = plain || (typeof mail.html === 'string' ? htmlToText(mail.html).trim() : '');
  const text = stripQuotedReply(fullText);
  const inReplyTo = ids(mail.inReplyTo);
  // References grow with every reply; the newest are the ones that matter, and each id must fit an index key.
  const references = ids(mail.references).slice(-MAX_REFERENCES);
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
