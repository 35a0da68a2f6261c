import 'reflect-metadata';
import { runService } from '@switchboard/service-kit';
import { loadIntakeConfig } from './config.js';
import { createIntakeApp } from './intake.app.js';

await runService(loadIntakeConfig, createIntakeApp);
