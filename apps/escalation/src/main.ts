import 'reflect-metadata';
import { runService } from '@switchboard/service-kit';
import { loadEscalationConfig } from './config.js';
import { createEscalationApp } from './escalation.app.js';

await runService(loadEscalationConfig, createEscalationApp);
