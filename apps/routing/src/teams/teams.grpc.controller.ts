import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { ManageTeamsUseCase, type TeamView } from './manage-teams.usecase.js';
import { parseCreateTeam, parseUpdateTeam } from './team.commands.js';

const toMessage = (t: TeamView) => ({ ...t, memberIds: t.members.map((m) => m.id) });

@Controller()
export class TeamsGrpcController {
  constructor(private readonly teams: ManageTeamsUseCase) {}

  @GrpcMethod('RoutingService', 'CreateTeam')
  create(req: { id: string; name: string; description: string }) {
    return grpcCall(async () =>
      toMessage(await this.teams.create(parseCreateTeam({ id: req.id, name: req.name, description: req.description }))),
    );
  }

  @GrpcMethod('RoutingService', 'GetTeam')
  get(req: { id: string }) {
    return grpcCall(async () => toMessage(await this.teams.get(req.id)));
  }

  @GrpcMethod('RoutingService', 'ListTeams')
  list() {
    return grpcCall(async () => ({ teams: (await this.teams.list()).map(toMessage) }));
  }

  @GrpcMethod('RoutingService', 'UpdateTeam')
  update(req: { id: string; name: string; description: string }) {
    return grpcCall(async () =>
      toMessage(
        await this.teams.update(
          req.id,
          parseUpdateTeam({ name: req.name || undefined, description: req.description || undefined }),
        ),
      ),
    );
  }

  @GrpcMethod('RoutingService', 'DeleteTeam')
  remove(req: { id: string }) {
    return grpcCall(async () => {
      await this.teams.remove(req.id);
      return { id: req.id };
    });
  }
}
