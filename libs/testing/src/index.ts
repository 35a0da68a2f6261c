export * from './test-env.js';
export * from './event-probe.js';
export * from './service-process.js';
export * from './sample-inquiries.js';
