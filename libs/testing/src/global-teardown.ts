/** Stops the containers the global setup started (only when it started any). */
export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as { __switchboardContainers?: { stop(): Promise<unknown> }[] }).__switchboardContainers ?? [];
  await Promise.all(containers.map((c) => c.stop()));
}
