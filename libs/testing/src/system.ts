import { SERVICE_NAMES, type ServiceName } from '@switchboard/service-kit';
import { ServiceProcess } from './service-process.js';
import { serviceEnv } from './test-env.js';

export type System = Record<ServiceName, ServiceProcess> & { stopAll(): Promise<void> };

/** All six services as separate processes from the build output, in one topic namespace. */
export async function startSystem(namespace: string, extraEnv: Record<string, string> = {}): Promise<System> {
  const processes = {} as Record<ServiceName, ServiceProcess>;
  for (const service of SERVICE_NAMES) {
    processes[service] = new ServiceProcess(service, await serviceEnv(namespace, { LOG_LEVEL: 'log', ...extraEnv }));
  }
  const stopAll = async () => {
    await Promise.all(Object.values(processes).map((p) => p.stop()));
  };
  // One service failing to start must not leave the others running (Jest would wait for them forever).
  const started = await Promise.allSettled(Object.values(processes).map((p) => p.start()));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  return { ...processes, stopAll };
}
