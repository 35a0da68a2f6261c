import 'reflect-metadata';
import { runService } from '@switchboard/service-kit';
import { loadSlaConfig } from './config.js';
import { createSlaMonitorApp } from './sla-monitor.app.js';

await runService(loadSlaConfig, createSlaMonitorApp);
