import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports for servers under test come from just below the kernel's ephemeral range. A port from
 * the ephemeral range (what `listen(0)` hands out) is free only until some outgoing connection —
 * a service's own link to Kafka, PostgreSQL or Redis — is given it as its local port before the
 * service under test binds it; then that service fails to start with EADDRINUSE.
 */
const POOL_SIZE = 10_000;

function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > POOL_SIZE + 1024 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const poolEnd = ephemeralRangeStart();
const poolStart = poolEnd - POOL_SIZE;
// A random start keeps two processes handing out ports at once (a benchmark beside a test run) apart.
let next = poolStart + Math.floor(Math.random() * POOL_SIZE);

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port nothing listens on, never one handed out before by this process (until the pool wraps). */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < POOL_SIZE; tries++) {
    const port = next;
    next = next + 1 >= poolEnd ? poolStart : next + 1;
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${poolStart} and ${poolEnd - 1}`);
}
