import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { AssignmentQueries } from './assignment.queries.js';
import { OverrideAssignmentCommand } from './override-assignment/override-assignment.command.js';
import { OverrideAssignmentUseCase } from './override-assignment/override-assignment.usecase.js';

@Controller()
export class AssignmentGrpcController {
  constructor(
    private readonly queries: AssignmentQueries,
    private readonly override: OverrideAssignmentUseCase,
  ) {}

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
        state: found.state,
        queuePosition: found.queuePosition ?? 0,
        score: current?.score ?? 0,
        rationale: current?.rationale ?? [],
      };
    });
  }

  @GrpcMethod('RoutingService', 'OverrideAssignment')
  overrideAssignment(req: { ticketId: string; agentId: string; supervisorId: string; reason: string }) {
    return grpcCall(() =>
      this.override.execute(
        OverrideAssignmentCommand.create(
          req.ticketId,
          { agentId: req.agentId, supervisorId: req.supervisorId, reason: req.reason },
          randomUUID(),
        ),
      ),
    );
  }

  @GrpcMethod('RoutingService', 'ListQueue')
  queue(req: { tier: string; limit: number }) {
    return grpcCall(async () => ({
      entries: (await this.queries.queue({ tier: req.tier || undefined, limit: req.limit || undefined })).map((e) => ({
        ...e,
        queuedAt: new Date(e.queuedAt).toISOString(),
      })),
    }));
  }

  @GrpcMethod('RoutingService', 'GetRoutingAccuracy')
  accuracy(req: { since: string; until: string }) {
    return grpcCall(async () => {
      const a = await this.queries.accuracy({ since: req.since || undefined, until: req.until || undefined });
      return { ...a, accuracy: a.accuracy ?? 0 };
    });
  }
}
