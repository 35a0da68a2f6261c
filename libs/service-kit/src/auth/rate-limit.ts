import type { Redis } from 'ioredis';
import type { RateLimit } from './api-key-registry.js';

export interface Window {
  name: 'second' | 'minute';
  ms: number;
  limit: number;
}

export interface RateDecision {
  allowed: boolean;
  /** The window closest to its limit: what the RateLimit headers describe. */
  limit: number;
  remaining: number;
  /** Seconds until that window resets (at least 1). */
  resetSeconds: number;
  /** Seconds a rejected caller should wait; 0 when allowed. */
  retryAfterSeconds: number;
  policy: string;
}

export function windowsOf(limits: RateLimit): Window[] {
  const windows: Window[] = [];
  if (limits.perSecond) windows.push({ name: 'second', ms: 1000, limit: limits.perSecond });
  if (limits.perMinute) windows.push({ name: 'minute', ms: 60_000, limit: limits.perMinute });
  return windows;
}

/**
 * Fixed windows aligned to the clock: cheap (one counter per window) and shared by every instance
 * through Redis. `counts[i]` is the number of requests seen in `windows[i]`, this one included.
 */
export function decide(windows: readonly Window[], counts: readonly number[], now: number): RateDecision {
  const seen = windows.map((w, i) => ({ w, count: counts[i] ?? 0 }));
  let tightest = seen[0];
  let blockedUntil = 0;
  for (const entry of seen) {
    if (!tightest || entry.w.limit - entry.count < tightest.w.limit - tightest.count) tightest = entry;
    if (entry.count > entry.w.limit) blockedUntil = Math.max(blockedUntil, windowEnd(entry.w, now));
  }
  if (!tightest) throw new Error('a rate decision needs at least one window');
  const { w } = tightest;
  return {
    allowed: blockedUntil === 0,
    limit: w.limit,
    remaining: Math.max(0, w.limit - tightest.count),
    resetSeconds: Math.max(1, Math.ceil((windowEnd(w, now) - now) / 1000)),
    retryAfterSeconds: blockedUntil === 0 ? 0 : Math.max(1, Math.ceil((blockedUntil - now) / 1000)),
    policy: windows.map((x) => `${x.limit};w=${x.ms / 1000}`).join(', '),
  };
}

function windowEnd(w: Window, now: number): number {
  return (Math.floor(now / w.ms) + 1) * w.ms;
}

// INCR and PEXPIRE in one script: a counter never outlives its window even if a caller dies between them.
const COUNT_SCRIPT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  counts[i] = n
end
return counts`;

/** Counts a key's requests in Redis so the limit holds across every instance of every service. */
export class RedisRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  async hit(keyId: string, limits: RateLimit, now = Date.now()): Promise<RateDecision | null> {
    const windows = windowsOf(limits);
    if (windows.length === 0) return null;
    const keys = windows.map((w) => `${this.namespace}switchboard:rate:${keyId}:${w.name}:${Math.floor(now / w.ms)}`);
    const ttls = windows.map((w) => String(w.ms + 1000));
    const counts = (await this.redis.eval(COUNT_SCRIPT, keys.length, ...keys, ...ttls)) as number[];
    return decide(windows, counts, now);
  }
}
