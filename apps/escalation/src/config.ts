import { loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';

export type EscalationConfig = ServiceConfig;

export const loadEscalationConfig = (env: NodeJS.ProcessEnv = process.env): EscalationConfig =>
  loadServiceConfig('escalation', env);
