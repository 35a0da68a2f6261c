import { loadServiceConfig, type ServiceConfig } from '@switchboard/service-kit';

export type IntakeConfig = ServiceConfig;

export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): IntakeConfig => loadServiceConfig('intake', env);
