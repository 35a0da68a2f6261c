import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { AssignmentQueries } from './assignment.queries.js';

@Controller()
export class AssignmentGrpcController {
  constructor(private readonly queries: AssignmentQueries) {}

  @GrpcMethod('RoutingService', 'GetAssignment')
  assignment(req: { ticketId: string }) {
    return grpcCall(async () => {
      const found = await this.queries.assignment(req.ticketId);
      const current = found.history[found.history.length - 1];
      return {
        ticketId: found.ticketId,
        tier: found.tier,
        agentId: found.agentId ?? '',
        version: found.version,
        score: current?.score ?? 0,
        rationale: current?.rationale ?? [],
      };
    });
  }

  @GrpcMethod('RoutingService', 'ListAgents')
  agents(req: { tier: string }) {
    return grpcCall(async () => ({ agents: await this.queries.agents(req.tier || undefined) }));
  }
}
