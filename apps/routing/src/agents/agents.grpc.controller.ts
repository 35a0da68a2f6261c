import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import type { AgentEntity } from './agent.entity.js';
import { CreateAgentCommand, SetAgentStatusCommand, UpdateAgentCommand } from './agent.commands.js';
import { ManageAgentsUseCase } from './manage-agents/manage-agents.usecase.js';
import { SetAgentStatusUseCase } from './manage-agents/set-agent-status.usecase.js';

/** gRPC carries the nested schedule and per-channel capacity as JSON strings, like REST bodies. */
interface AgentMessage {
  id: string;
  name: string;
  tier: string;
  tiers: string[];
  skills: string[];
  languages: string[];
  capacity: number;
  channelCapacityJson: string;
  timezone: string;
  workingHoursJson: string;
  shiftsJson: string;
  status: string;
  teamId: string;
}

const toMessage = (a: AgentEntity) => ({
  ...a,
  channelCapacityJson: JSON.stringify(a.channelCapacity),
  workingHoursJson: JSON.stringify(a.workingHours),
  shiftsJson: JSON.stringify(a.shifts),
  lastAssignedAt: a.lastAssignedAt?.toISOString() ?? '',
  teamId: a.teamId ?? '',
});

/** proto3 sends empty strings and lists for absent fields; those become absent again here. */
function fromMessage(m: Partial<AgentMessage>): Record<string, unknown> {
  const parse = (text: string | undefined) => (text ? JSON.parse(text) : undefined);
  const body: Record<string, unknown> = {
    id: m.id || undefined,
    name: m.name || undefined,
    tier: m.tier || undefined,
    tiers: m.tiers?.length ? m.tiers : undefined,
    skills: m.skills,
    languages: m.languages?.length ? m.languages : undefined,
    capacity: m.capacity,
    channelCapacity: parse(m.channelCapacityJson),
    timezone: m.timezone || undefined,
    workingHours: parse(m.workingHoursJson),
    shifts: parse(m.shiftsJson),
    status: m.status || undefined,
    teamId: m.teamId || undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

@Controller()
export class AgentsGrpcController {
  constructor(
    private readonly agents: ManageAgentsUseCase,
    private readonly status: SetAgentStatusUseCase,
  ) {}

  @GrpcMethod('RoutingService', 'CreateAgent')
  create(req: AgentMessage) {
    return grpcCall(async () => toMessage(await this.agents.create(CreateAgentCommand.create(fromMessage(req), randomUUID()))));
  }

  @GrpcMethod('RoutingService', 'GetAgent')
  get(req: { id: string }) {
    return grpcCall(async () => toMessage(await this.agents.get(req.id)));
  }

  @GrpcMethod('RoutingService', 'ListAgents')
  list(req: { tier: string; status: string }) {
    return grpcCall(async () => ({
      agents: (await this.agents.list({ tier: req.tier || undefined, status: req.status || undefined })).map(toMessage),
    }));
  }

  /** Only the fields named in `fields` change, since proto3 cannot tell an empty list from an absent one. */
  @GrpcMethod('RoutingService', 'UpdateAgent')
  update(req: { agent: AgentMessage; fields: string[] }) {
    return grpcCall(async () => {
      const parsed = fromMessage(req.agent ?? {});
      const changes = Object.fromEntries(Object.entries(parsed).filter(([k]) => req.fields.includes(k)));
      return toMessage(await this.agents.update(UpdateAgentCommand.create(req.agent?.id ?? '', changes)));
    });
  }

  @GrpcMethod('RoutingService', 'SetAgentStatus')
  setStatus(req: { id: string; status: string }) {
    return grpcCall(() => this.status.execute(SetAgentStatusCommand.create(req.id, { status: req.status }, randomUUID())));
  }

  @GrpcMethod('RoutingService', 'DeleteAgent')
  remove(req: { id: string }) {
    return grpcCall(() =>
      this.status.execute(SetAgentStatusCommand.create(req.id, { status: 'offline' }, randomUUID()), { delete: true }),
    );
  }
}
