import {
  gmailStyleReply,
  htmlOnlyReply,
  multipartAlternativeWithAttachment,
  notAnEmail,
  outlookStyleReply,
} from '../../../test/fixtures/emails.js';
import { parseEmail } from './email-message.js';
import { stripQuotedReply } from './reply-text.js';

describe('parseEmail', () => {
  it('reads a multipart/alternative message with an attachment (metadata only)', async () => {
    const mail = await parseEmail(multipartAlternativeWithAttachment());
    expect(mail).toMatchObject({
      messageId: 'caf=plugins-1@mail.example.org',
      threadRefs: [],
      from: { address: 'ana@example.org', name: 'Ana Lima' },
      subject: 'Plugins stopped loading after upgrade',
      sentAt: '2026-11-27T08:12:44.000Z',
    });
    expect(mail.text).toContain('none of my plugins load, the log shows ModuleNotFoundError');
    expect(mail.text).not.toContain('Best regards');
    expect(mail.text).not.toContain('<div>');
    expect(mail.attachments).toEqual([
      {
        filename: 'kollab.log',
        contentType: 'text/plain',
        size: 64,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(JSON.stringify(mail.attachments)).not.toContain('ModuleNotFoundError');
  });

  it('threads a reply by In-Reply-To and every References id, and strips quote and signature', async () => {
    const mail = await parseEmail(gmailStyleReply());
    expect(mail.threadRefs).toEqual(['caf=plugins-1@mail.example.org', 'agent-reply-1@support.kollab.example']);
    expect(mail.text).toBe('Reinstalling did not help, it still fails.');
  });

  it('strips an Outlook original-message block and a "-- " signature', async () => {
    const mail = await parseEmail(outlookStyleReply('root@x.example', 'reply@y.example'));
    expect(mail.threadRefs).toEqual(['root@x.example']);
    expect(mail.text).toBe('That setting fixed it, thank you!');
  });

  it('reads an HTML-only reply in ISO-8859-1 with encoded headers, dropping the blockquote', async () => {
    const mail = await parseEmail(htmlOnlyReply('root@mail.example.es'));
    expect(mail).toMatchObject({
      from: { address: 'jose@example.es', name: 'José García' },
      subject: 'Re: Plugins no cargan',
      threadRefs: ['root@mail.example.es'],
      text: 'Sigue sin funcionar después de reinstalar.',
    });
  });

  it('rejects a body that is not a message', async () => {
    await expect(parseEmail(notAnEmail)).rejects.toMatchObject({ code: 'INTAKE.EMAIL_INVALID', status: 422 });
    await expect(parseEmail(Buffer.alloc(0))).rejects.toMatchObject({ code: 'INTAKE.EMAIL_INVALID' });
  });

  it('rejects a message without From or Message-ID', async () => {
    const noId = Buffer.from('From: a@b.example\r\nSubject: x\r\n\r\nhello\r\n');
    await expect(parseEmail(noId)).rejects.toMatchObject({ code: 'INTAKE.EMAIL_INVALID' });
    const hugeId = Buffer.from(`From: a@b.example\r\nMessage-ID: <${'x'.repeat(600)}@b>\r\n\r\nhello\r\n`);
    await expect(parseEmail(hugeId)).rejects.toMatchObject({ code: 'INTAKE.EMAIL_INVALID' });
  });
});

describe('stripQuotedReply', () => {
  it.each([
    ['> quoted lines', 'Still broken.\n\n> earlier text\n> more', 'Still broken.'],
    ['a one-line "On … wrote:"', 'Yes.\nOn Mon, Nov 23, 2026 at 9:00 AM Ana <a@x.org> wrote:\n> hi', 'Yes.'],
    ['a German header', 'Danke!\nAm 23.11.2026 um 09:00 schrieb Ana <a@x.org>:\n> hallo', 'Danke!'],
    [
      'an Outlook header block without separator',
      'Works now.\n\nFrom: Support <s@x.org>\nSent: Monday\nTo: me\nSubject: x\n\nold text',
      'Works now.',
    ],
    ['an underscore separator', 'ok\n________________________________\nFrom: x', 'ok'],
    ['a sign-off and name', 'It crashes on start.\n\nCheers,\nBen', 'It crashes on start.'],
    ['a mobile footer', 'It crashes on start.\n\nSent from my iPhone', 'It crashes on start.'],
    ['a "-- " delimiter', 'It crashes.\n-- \nBen\nACME', 'It crashes.'],
  ])('removes %s', (_, input, expected) => {
    expect(stripQuotedReply(input)).toBe(expected);
  });

  it('keeps a "thanks" that is not at the end', () => {
    const text =
      'Thanks for the quick answer.\nThe plugin still fails though.\nIt prints a traceback.\nLine 4\nLine 5\nLine 6\nLine 7';
    expect(stripQuotedReply(text)).toBe(text);
  });
});
