import 'reflect-metadata';
import { runService } from '@switchboard/service-kit';
import { loadTriageConfig } from './config.js';
import { createTriageApp } from './triage.app.js';

await runService(loadTriageConfig, createTriageApp);
