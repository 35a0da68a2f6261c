import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath } from '@switchboard/contracts';
import { TEST_API_KEY } from './test-env.js';

export type GrpcMethods = Record<string, (request: object) => Promise<Record<string, unknown>>>;

/** A promise-based client for one service of the project's .proto files, as an integrator would build it. */
export function grpcClient(
  protoFile: string,
  pkg: string,
  service: string,
  port: string | number,
  /** The key sent as `authorization` metadata; TEST_API_KEY by default, null to send none. */
  { apiKey = TEST_API_KEY }: { apiKey?: string | null } = {},
): GrpcMethods & { close(): void } {
  const metadata = new grpc.Metadata();
  if (apiKey) metadata.set('authorization', `Bearer ${apiKey}`);
  const definition = protoLoader.loadSync(protoPath(protoFile), {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as Record<string, unknown>;
  const ns = pkg.split('.').reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, loaded);
  const Client = ns[service] as typeof grpc.Client;
  const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as grpc.Client & Record<string, unknown>;
  return new Proxy({} as GrpcMethods & { close(): void }, {
    get: (_, name: string) => {
      if (name === 'close') return () => client.close();
      if (name === 'then') return undefined;
      return (request: object) =>
        new Promise((resolve, reject) =>
          (
            client[name] as (
              r: object,
              m: grpc.Metadata,
              cb: (e: grpc.ServiceError | null, v: Record<string, unknown>) => void,
            ) => void
          ).call(client, request, metadata, (error, value) => (error ? reject(error) : resolve(value))),
        );
    },
  });
}
