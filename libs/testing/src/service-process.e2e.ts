import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { freePort } from './free-port.js';
import { ServiceProcess } from './service-process.js';
import { serviceEnv, testNamespace } from './test-env.js';

describe('starting a service under test', () => {
  let occupier: Server | undefined;

  afterEach(async () => {
    await new Promise((r) => (occupier ? occupier.close(r) : r(undefined)));
  });

  it('fails at once with the service’s own reason when the service cannot start', async () => {
    const taken = await freePort();
    occupier = createServer();
    await new Promise<void>((r) => occupier!.listen(taken, '127.0.0.1', r));
    const env = await serviceEnv(testNamespace('harness'), { GRPC_PORT: String(taken) });
    const service = new ServiceProcess('knowledge', env);

    const startedAt = Date.now();
    await expect(service.start()).rejects.toThrow(/knowledge exited \(code 1\)[\s\S]*EADDRINUSE/);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
  });

  it('hands out ports below the kernel’s ephemeral range, each once', async () => {
    const ephemeralStart = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/)[0]);
    const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()));
    expect(new Set(ports).size).toBe(50);
    for (const port of ports) expect(port).toBeLessThan(ephemeralStart);
  });
});
