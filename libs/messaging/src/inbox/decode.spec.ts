import { buildEnvelope, inquiryReceivedEvent, inquiryReceivedExample, Topics } from '@switchboard/contracts';
import { decodeMessage } from './decode.js';

const valid = buildEnvelope({
  type: inquiryReceivedEvent.type,
  source: 'test',
  subject: inquiryReceivedExample.ticketId,
  data: inquiryReceivedExample,
  correlationId: 'c',
  causationId: null,
});

describe('decodeMessage', () => {
  it('accepts an envelope whose payload meets the topic contract', () => {
    const d = decodeMessage(Topics.InquiryReceived, Buffer.from(JSON.stringify(valid)));
    expect(d.ok).toBe(true);
  });

  it.each([
    [null, 'CONTRACT.EMPTY_MESSAGE'],
    [Buffer.from('{'), 'CONTRACT.MALFORMED_JSON'],
    [Buffer.from('{"a":1}'), 'CONTRACT.INVALID_ENVELOPE'],
    [Buffer.from(JSON.stringify({ ...valid, type: 'com.switchboard.other.v1' })), 'CONTRACT.TYPE_MISMATCH'],
    [Buffer.from(JSON.stringify({ ...valid, data: { ...inquiryReceivedExample, channel: 'fax' } })), 'CONTRACT.INVALID_PAYLOAD'],
  ])('rejects %s with %s', (value, code) => {
    const d = decodeMessage(Topics.InquiryReceived, value);
    expect(d).toMatchObject({ ok: false, code });
  });
});
