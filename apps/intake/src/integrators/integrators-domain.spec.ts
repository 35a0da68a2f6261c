import { retryDelay, nextAttemptAt } from './deliveries/retry-schedule.js';
import { matchesFilter } from './subscriptions/subscription-filter.js';
import { checkTargetUrl, isPrivateAddress } from './subscriptions/target-url.js';
import { normalizeEventType, ticketEventDefinitions } from './ticket-events.js';

describe('webhook target URLs', () => {
  it('accepts public http(s) URLs and drops the fragment', () => {
    expect(checkTargetUrl('https://hooks.example.com/switchboard#x', false)).toBe('https://hooks.example.com/switchboard');
    expect(checkTargetUrl('http://93.184.216.34:8080/in', false)).toBe('http://93.184.216.34:8080/in');
  });

  it.each([
    ['ftp://example.com/x', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.com', 'scheme'],
    ['not a url', 'absolute'],
    ['https://user:pw@example.com/', 'credentials'],
    ['http://localhost:3000/', 'local'],
    ['http://127.0.0.1:3000/', 'private'],
    ['http://10.1.2.3/', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'private'],
    ['http://[::1]/', 'private'],
    ['http://[::ffff:192.168.0.1]/', 'private'],
  ])('rejects %s', (url, reason) => {
    expect(() => checkTargetUrl(url, false)).toThrow(new RegExp(reason));
  });

  it('allows loopback only when private targets are allowed, never other schemes', () => {
    expect(checkTargetUrl('http://127.0.0.1:4000/hook', true)).toBe('http://127.0.0.1:4000/hook');
    expect(() => checkTargetUrl('ftp://127.0.0.1/', true)).toThrow(/scheme/);
  });

  it('classifies addresses', () => {
    expect(['172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', 'fd00::1', 'fe80::1'].every(isPrivateAddress)).toBe(true);
    expect(['8.8.8.8', '172.32.0.1', '2606:4700::1111'].some(isPrivateAddress)).toBe(false);
  });
});

describe('webhook retry schedule', () => {
  const schedule = { WEBHOOK_RETRY_BASE_DELAY_MS: 1000, WEBHOOK_RETRY_MAX_DELAY_MS: 60_000, WEBHOOK_RETRY_WINDOW_MS: 86_400_000 };

  it('doubles per failed attempt with jitter between half and the full step, capped', () => {
    expect(retryDelay(1, schedule, () => 0)).toBe(500);
    expect(retryDelay(1, schedule, () => 1)).toBe(1000);
    expect(retryDelay(4, schedule, () => 1)).toBe(8000);
    expect(retryDelay(30, schedule, () => 1)).toBe(60_000);
    expect(retryDelay(30, schedule, () => 0)).toBe(30_000);
  });

  it('stops retrying once the next attempt would leave the 24 hour window', () => {
    const first = new Date('2026-11-27T00:00:00Z');
    const almost = new Date(first.getTime() + 86_400_000 - 10_000);
    expect(nextAttemptAt(first, 20, new Date(first.getTime() + 1000), schedule, () => 0)).toBeInstanceOf(Date);
    expect(nextAttemptAt(first, 20, almost, schedule, () => 0)).toBeUndefined();
  });
});

describe('subscription filters and event types', () => {
  const ticket = { ticketId: 't1', channel: 'email', serviceLevel: 'premium', tier: 'L2' };

  it('matches when every given list contains the ticket value', () => {
    expect(matchesFilter({}, ticket)).toBe(true);
    expect(matchesFilter({ channels: ['email', 'chat'], tiers: ['L2'] }, ticket)).toBe(true);
    expect(matchesFilter({ serviceLevels: ['enterprise'] }, ticket)).toBe(false);
    expect(matchesFilter({ ticketIds: ['00000000-0000-4000-8000-000000000000'] }, ticket)).toBe(false);
  });

  it('does not match a tier filter before the tier is known', () => {
    expect(matchesFilter({ tiers: ['L1'] }, { ticketId: 't1', channel: 'email' })).toBe(false);
  });

  it('offers every ticket event of the registry, by type or topic', () => {
    const types = ticketEventDefinitions.map((d) => d.topic);
    expect(types).toEqual(expect.arrayContaining(['support.inquiry.received.v1', 'support.survey.responded.v1']));
    expect(types).not.toContain('support.agent.status-changed.v1');
    expect(normalizeEventType('support.ticket.resolved.v1')).toBe('com.switchboard.ticket.resolved.v1');
    expect(normalizeEventType('com.switchboard.ticket.resolved.v1')).toBe('com.switchboard.ticket.resolved.v1');
    expect(normalizeEventType('support.agent.status-changed.v1')).toBeUndefined();
  });
});
