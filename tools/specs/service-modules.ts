import type { DynamicModule } from '@nestjs/common';
import type { ServiceName } from '@switchboard/service-kit';
import { AppModule as EscalationModule } from '../../apps/escalation/src/app.module.js';
import { loadEscalationConfig } from '../../apps/escalation/src/config.js';
import { AppModule as IntakeModule } from '../../apps/intake/src/app.module.js';
import { loadIntakeConfig } from '../../apps/intake/src/config.js';
import { AppModule as KnowledgeModule } from '../../apps/knowledge/src/app.module.js';
import { loadKnowledgeConfig } from '../../apps/knowledge/src/config.js';
import { AppModule as RoutingModule } from '../../apps/routing/src/app.module.js';
import { loadRoutingConfig } from '../../apps/routing/src/config.js';
import { AppModule as SlaModule } from '../../apps/sla-monitor/src/app.module.js';
import { loadSlaConfig } from '../../apps/sla-monitor/src/config.js';
import { AppModule as TriageModule } from '../../apps/triage/src/app.module.js';
import { loadTriageConfig } from '../../apps/triage/src/config.js';

export interface ServiceModule {
  service: ServiceName;
  /** The module tree exactly as main.ts builds it; nothing connects until Nest instantiates it. */
  module: () => DynamicModule;
  /** The .proto files whose services this one serves over gRPC. */
  protos: string[];
}

const env = {};

export const SERVICE_MODULES: ServiceModule[] = [
  { service: 'intake', module: () => IntakeModule.register(loadIntakeConfig(env)), protos: ['intake.proto', 'api-keys.proto'] },
  { service: 'triage', module: () => TriageModule.register(loadTriageConfig(env)), protos: ['triage.proto'] },
  { service: 'routing', module: () => RoutingModule.register(loadRoutingConfig(env)), protos: ['routing.proto'] },
  {
    service: 'escalation',
    module: () => EscalationModule.register(loadEscalationConfig(env)),
    protos: ['escalation.proto'],
  },
  { service: 'sla-monitor', module: () => SlaModule.register(loadSlaConfig(env)), protos: ['sla.proto'] },
  { service: 'knowledge', module: () => KnowledgeModule.register(loadKnowledgeConfig(env)), protos: ['knowledge.proto'] },
];
