import { Redactor, totalRedactions } from './redactor.js';

describe('Redactor', () => {
  const redactor = new Redactor();

  it.each([
    ['openai_key', 'my key is sk-proj-abcdefghijklmnop1234567890 thanks', 'my key is [REDACTED:openai_key] thanks'],
    ['github_token', 'export GH=ghp_0123456789abcdefghijABCDEFGHIJ0123', 'export GH=[REDACTED:github_token]'],
    ['github_token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv', '[REDACTED:github_token]'],
    ['slack_token', 'slack xoxb-123456789012-abcdefghijkl', 'slack [REDACTED:slack_token]'],
    ['aws_access_key', 'id AKIAIOSFODNN7EXAMPLE here', 'id [REDACTED:aws_access_key] here'],
    [
      'aws_secret_key',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_secret_access_key = [REDACTED:aws_secret_key]',
    ],
    ['bearer_token', 'Authorization: Bearer abc.def-ghi_jkl123456', 'Authorization: Bearer [REDACTED:bearer_token]'],
    ['password', 'db password=hunter2 and more', 'db password=[REDACTED:password] and more'],
    ['password', '{"api_key": "12345-abc"}', '{"api_key": "[REDACTED:password]"}'],
    ['password', 'SECRET: topsecretvalue', 'SECRET: [REDACTED:password]'],
    ['email', 'write to ana.lima+kollab@example.org please', 'write to [REDACTED:email] please'],
    ['home_path', 'File "/home/ana/.kollab/config.json"', 'File "/home/<user>/.kollab/config.json"'],
    ['home_path', 'at /Users/ben.c/Library/kollab', 'at /Users/<user>/Library/kollab'],
    ['home_path', 'C:\\Users\\Chen\\AppData\\kollab.log', 'C:\\Users\\<user>\\AppData\\kollab.log'],
    [
      'jwt',
      'cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'cookie [REDACTED:jwt]',
    ],
  ])('redacts %s', (kind, input, expected) => {
    const result = redactor.redact(input);
    expect(result.text).toBe(expected);
    expect(result.counts).toEqual({ [kind]: 1 });
  });

  it('counts a token once even when it sits in a key=value pair', () => {
    const result = redactor.redact('OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwx');
    expect(result.text).toBe('OPENAI_API_KEY=[REDACTED:openai_key]');
    expect(result.counts).toEqual({ openai_key: 1 });
  });

  it('redacts a private key block', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----';
    expect(redactor.redact(`key:\n${pem}\nend`)).toEqual({
      text: 'key:\n[REDACTED:private_key]\nend',
      counts: { private_key: 1 },
    });
  });

  it('counts several findings of several kinds', () => {
    const text =
      'ana@example.org and ben@example.com, path /home/ana/x and /home/ben/y, token ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const { counts } = redactor.redact(text);
    expect(counts).toEqual({ email: 2, home_path: 2, github_token: 1 });
    expect(totalRedactions(counts)).toBe(5);
  });

  it('leaves ordinary support text alone', () => {
    const text =
      'Since 0.4.2 my plugins fail with ModuleNotFoundError in plugins/hooks.py line 42. The token count shows 1234. Password reset works.';
    expect(redactor.redact(text)).toEqual({ text, counts: {} });
  });

  it('is idempotent: redacting redacted text finds nothing more', () => {
    const once = redactor.redact('password=abc ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa /home/ana/x a@b.io');
    expect(redactor.redact(once.text)).toEqual({ text: once.text, counts: {} });
  });

  it('redacts every string inside a JSON value and sums the counts', () => {
    const { value, counts } = redactor.redactValue({
      os: 'Ubuntu',
      logDir: '/home/ana/.kollab/logs',
      plugins: [{ name: 'x', version: '1', token: 'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
      n: 3,
    });
    expect(value).toEqual({
      os: 'Ubuntu',
      logDir: '/home/<user>/.kollab/logs',
      plugins: [{ name: 'x', version: '1', token: '[REDACTED:github_token]' }],
      n: 3,
    });
    expect(counts).toEqual({ home_path: 1, github_token: 1 });
  });
});
