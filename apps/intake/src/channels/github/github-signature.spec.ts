import { signGithubPayload, verifyGithubSignature } from './github-signature.js';

describe('GitHub webhook signature', () => {
  const secret = "It's a Secret to Everybody";
  const body = Buffer.from('Hello, World!');

  it('matches the example from GitHub docs', () => {
    expect(signGithubPayload(secret, body)).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17');
  });

  it('accepts the right signature, in either hex case', () => {
    const signature = signGithubPayload(secret, body);
    expect(verifyGithubSignature(secret, body, signature)).toBe(true);
    expect(verifyGithubSignature(secret, body, signature.toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['a sha1 signature', 'sha1=0123456789abcdef0123456789abcdef01234567'],
    ['a wrong digest', `sha256=${'0'.repeat(64)}`],
    ['a truncated digest', signGithubPayload(secret, body).slice(0, -2)],
  ])('rejects %s', (_, header) => {
    expect(verifyGithubSignature(secret, body, header)).toBe(false);
  });

  it('rejects a signature over a different body or with another secret', () => {
    const signature = signGithubPayload(secret, body);
    expect(verifyGithubSignature(secret, Buffer.from('Hello, World?'), signature)).toBe(false);
    expect(verifyGithubSignature('other', body, signature)).toBe(false);
  });

  it('rejects everything when no secret is configured', () => {
    expect(verifyGithubSignature(undefined, body, signGithubPayload('', body))).toBe(false);
  });
});
