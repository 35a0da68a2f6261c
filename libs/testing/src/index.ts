export * from './test-env.js';
export * from './event-probe.js';
export * from './service-process.js';
export * from './sample-inquiries.js';
export * from './grpc-client.js';
export * from './http.js';
export * from './system.js';
export * from './pipeline-latency.js';
