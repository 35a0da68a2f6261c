import 'reflect-metadata';
import { runService } from '@switchboard/service-kit';
import { loadKnowledgeConfig } from './config.js';
import { createKnowledgeApp } from './knowledge.app.js';

await runService(loadKnowledgeConfig, createKnowledgeApp);
