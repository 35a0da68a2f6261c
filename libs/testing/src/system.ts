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
  await Promise.all(Object.values(processes).map((p) => p.start()));
  return {
    ...processes,
    stopAll: async () => {
      await Promise.all(Object.values(processes).map((p) => p.stop()));
    },
  };
}
