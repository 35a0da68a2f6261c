import { chatInbound } from '../chat/chat-message.js';
import { forumInbound } from './forum-post.js';

describe('chat and forum mapping', () => {
  it('keys a forum post by post id and threads it by thread id, reading the environment from the body', () => {
    const message = forumInbound(
      {
        postId: 'p-1',
        threadId: 't-9',
        body: 'MCP server not found\nOS: Fedora 41\nPython version: 3.13.0',
        author: { id: 'u-1', handle: 'Dana' },
      },
      'corr',
    );
    expect(message).toMatchObject({
      channel: 'forum',
      messageKey: 'forum:p-1',
      threadRefs: ['forum-thread:t-9'],
      subject: 'MCP server not found',
      environment: { os: 'Fedora 41', pythonVersion: '3.13.0' },
      continueResolved: true,
    });
  });

  it('never continues a resolved chat conversation', () => {
    const message = chatInbound({ conversationId: 'c-1', messageId: 'm-1', customer: { id: 'u' }, text: 'hi' }, 'corr');
    expect(message).toMatchObject({ messageKey: 'chat:m-1', threadRefs: ['chat-conversation:c-1'], continueResolved: false });
  });

  it.each([
    ['a missing thread id', { postId: 'p', body: 'b', author: { id: 'u' } }],
    ['an unknown field', { postId: 'p', threadId: 't', body: 'b', author: { id: 'u' }, score: 3 }],
    ['a bad author e-mail', { postId: 'p', threadId: 't', body: 'b', author: { id: 'u', email: 'nope' } }],
    ['a malformed plugin list', { postId: 'p', threadId: 't', body: 'b', author: { id: 'u' }, environment: { plugins: [{}] } }],
  ])('refuses %s with 422', (_, body) => {
    expect(() => forumInbound(body, 'c')).toThrow(expect.objectContaining({ status: 422 }));
  });
});
