import 'reflect-metadata';
import { runService } from '@switchboard/service-kit';
import { loadRoutingConfig } from './config.js';
import { createRoutingApp } from './routing.app.js';

await runService(loadRoutingConfig, createRoutingApp);
