import { randomUUID } from 'node:crypto';
import {
  customerRepliedEvent,
  customerRepliedExample,
  ticketRespondedEvent,
  ticketRespondedExample,
  ticketRoutedEvent,
  ticketRoutedExample,
  ticketStatusChangedEvent,
  ticketStatusChangedExample,
  Topics,
} from '@switchboard/contracts';
import { EventProbe, freePort, http, ServiceProcess, serviceEnv, testNamespace, waitFor } from '@switchboard/testing';
import { Redis } from 'ioredis';

// One SLA hour lasts 3 s: L1 first response 3 s.
const TIME_SCALE = String(3 / 3600);

interface ClockView {
  kind: string;
  state: string;
  dueAt: string | null;
  consumedMs: number;
}
type Data = Record<string, unknown>;

describe('sla-monitor processes killed with SIGKILL and Redis flushed', () => {
  const namespace = testNamespace('slacrash');
  let probe: EventProbe;
  const processes: ServiceProcess[] = [];

  beforeAll(async () => {
    probe = await new EventProbe(namespace).start([
      Topics.SlaClockStarted,
      Topics.SlaWarning,
      Topics.SlaBreached,
      Topics.SlaClockUpdated,
    ]);
  });

  afterAll(async () => {
    for (const p of processes) await p.stop();
    await probe?.stop();
  });

  const spawn = async (env: NodeJS.ProcessEnv) => {
    const p = new ServiceProcess('sla-monitor', env);
    processes.push(p);
    await p.start();
    return p;
  };
  const clocks = async (url: string, ticketId: string) => (await http<ClockView[]>(`${url}/v1/clocks?ticketId=${ticketId}`)).body;
  const of = (topic: Parameters<EventProbe['of']>[0], ticketId: string) =>
    probe.of(topic, ticketId).map((m) => m.envelope.data as Data);

  it('loses no running or paused clock and fires every threshold exactly once across two restarted instances', async () => {
    const env = await serviceEnv(namespace, { SLA_TIME_SCALE: TIME_SCALE, SLA_RECONCILE_INTERVAL_MS: '600000' });
    const first = await spawn(env);
    const running = randomUUID();
    const paused = randomUUID();
    for (const ticketId of [running, paused]) {
      await probe.publish(Topics.TicketRouted, ticketRoutedEvent.type, ticketId, {
        ...ticketRoutedExample,
        ticketId,
        tier: 'L1',
      });
    }
    await probe.publish(Topics.TicketResponded, ticketRespondedEvent.type, paused, {
      ...ticketRespondedExample,
      ticketId: paused,
      respondedAt: new Date().toISOString(),
    });
    await probe.publish(Topics.TicketStatusChanged, ticketStatusChangedEvent.type, paused, {
      ...ticketStatusChangedExample,
      ticketId: paused,
      changedAt: new Date().toISOString(),
    });
    await waitFor(async () => (await clocks(first.httpUrl, paused)).some((c) => c.state === 'paused'), { what: 'paused clock' });
    await waitFor(async () => (await clocks(first.httpUrl, running)).length === 2, { what: 'running clocks' });

    await first.kill();
    const redis = new Redis(env.REDIS_URL!);
    const keys = await redis.keys(`${namespace}bull:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    await redis.quit();

    const restarted = await spawn(env);
    await spawn({ ...env, HTTP_PORT: String(await freePort()), GRPC_PORT: String(await freePort()) });
    const breach = await waitFor(async () => of(Topics.SlaBreached, running).find((d) => d.kind === 'first_response'), {
      what: 'breach after the restart',
      timeoutMs: 30_000,
    });
    expect(breach).toMatchObject({ tier: 'L1' });
    const pausedBefore = (await clocks(restarted.httpUrl, paused)).find((c) => c.kind === 'resolution')!;
    expect(pausedBefore).toMatchObject({ state: 'paused', dueAt: null });
    await probe.publish(Topics.CustomerReplied, customerRepliedEvent.type, paused, {
      ...customerRepliedExample,
      ticketId: paused,
      repliedAt: new Date().toISOString(),
    });
    const resumed = await waitFor(
      async () => (await clocks(restarted.httpUrl, paused)).find((c) => c.kind === 'resolution' && c.state === 'running'),
      { what: 'resumed clock' },
    );
    expect(resumed.consumedMs).toBe(pausedBefore.consumedMs);
    // The next-response clock started by the reply (3 s) runs out on one of the two instances, once.
    await waitFor(async () => of(Topics.SlaBreached, paused).some((d) => d.kind === 'next_response'), {
      what: 'next-response breach',
      timeoutMs: 30_000,
    });
    await new Promise((r) => setTimeout(r, 1500));
    const warnings = (ticketId: string, kind: string) =>
      of(Topics.SlaWarning, ticketId)
        .filter((d) => d.kind === kind)
        .map((d) => d.thresholdPercent as number)
        .sort((a, b) => a - b);
    expect(warnings(running, 'first_response')).toEqual([50, 75, 90]);
    expect(of(Topics.SlaBreached, running).filter((d) => d.kind === 'first_response')).toHaveLength(1);
    expect(warnings(paused, 'next_response')).toEqual([50, 75, 90]);
    expect(of(Topics.SlaBreached, paused).filter((d) => d.kind === 'next_response')).toHaveLength(1);
    expect(of(Topics.SlaClockStarted, running)).toHaveLength(2);
  });
});
