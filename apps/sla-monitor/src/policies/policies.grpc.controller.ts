import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { ManagePoliciesUseCase } from './manage-policies.usecase.js';
import { parseCreateCalendar, parseCreatePolicy, parseUpdateCalendar, parseUpdatePolicy } from './policy.commands.js';
import type { Calendar, Policy } from './policy.repository.js';

/** proto3 has no null: a resolution target of 0 means "set per case", and unset fields arrive as defaults. */
interface PolicyMessage {
  id: string;
  tier: string;
  serviceLevel: string;
  firstResponseSeconds: number;
  nextResponseSeconds: number;
  resolutionSeconds: number;
  calendarId: string;
}
interface CalendarMessage {
  id: string;
  name: string;
  timeZone: string;
  mode: string;
  weekly: { day: number; start: string; end: string }[];
  holidays: string[];
}

const toPolicy = (p: Policy) => ({
  ...p,
  resolutionSeconds: p.resolutionSeconds ?? 0,
  updatedAt: new Date(p.updatedAt).toISOString(),
});
const toCalendar = (c: Calendar) => ({ ...c, updatedAt: new Date(c.updatedAt).toISOString() });
const orUndefined = <T>(v: T) => (v === '' || v === 0 ? undefined : v);

@Controller()
export class PoliciesGrpcController {
  constructor(private readonly policies: ManagePoliciesUseCase) {}

  @GrpcMethod('SlaService', 'CreatePolicy')
  create(req: PolicyMessage) {
    return grpcCall(async () =>
      toPolicy(
        await this.policies.createPolicy(
          parseCreatePolicy({
            tier: req.tier,
            serviceLevel: req.serviceLevel,
            firstResponseSeconds: req.firstResponseSeconds,
            nextResponseSeconds: req.nextResponseSeconds,
            resolutionSeconds: req.resolutionSeconds || null,
            calendarId: orUndefined(req.calendarId),
          }),
        ),
      ),
    );
  }

  @GrpcMethod('SlaService', 'ListPolicies')
  list() {
    return grpcCall(async () => ({ policies: (await this.policies.listPolicies()).map(toPolicy) }));
  }

  @GrpcMethod('SlaService', 'GetPolicy')
  get(req: { id: string }) {
    return grpcCall(async () => toPolicy(await this.policies.getPolicy(req.id)));
  }

  @GrpcMethod('SlaService', 'UpdatePolicy')
  update(req: PolicyMessage) {
    return grpcCall(async () =>
      toPolicy(
        await this.policies.updatePolicy(
          req.id,
          parseUpdatePolicy({
            firstResponseSeconds: orUndefined(req.firstResponseSeconds),
            nextResponseSeconds: orUndefined(req.nextResponseSeconds),
            resolutionSeconds: orUndefined(req.resolutionSeconds),
            calendarId: orUndefined(req.calendarId),
          }),
        ),
      ),
    );
  }

  @GrpcMethod('SlaService', 'DeletePolicy')
  remove(req: { id: string }) {
    return grpcCall(async () => {
      await this.policies.removePolicy(req.id);
      return {};
    });
  }

  @GrpcMethod('SlaService', 'CreateCalendar')
  createCalendar(req: CalendarMessage) {
    return grpcCall(async () =>
      toCalendar(
        await this.policies.createCalendar(
          parseCreateCalendar({
            id: req.id,
            name: req.name,
            timeZone: req.timeZone,
            mode: req.mode,
            weekly: req.weekly ?? [],
            holidays: req.holidays ?? [],
          }),
        ),
      ),
    );
  }

  @GrpcMethod('SlaService', 'ListCalendars')
  listCalendars() {
    return grpcCall(async () => ({ calendars: (await this.policies.listCalendars()).map(toCalendar) }));
  }

  @GrpcMethod('SlaService', 'UpdateCalendar')
  updateCalendar(req: CalendarMessage) {
    return grpcCall(async () =>
      toCalendar(
        await this.policies.updateCalendar(
          req.id,
          parseUpdateCalendar({
            name: orUndefined(req.name),
            timeZone: orUndefined(req.timeZone),
            mode: orUndefined(req.mode),
            weekly: req.weekly?.length ? req.weekly : undefined,
            holidays: req.holidays?.length ? req.holidays : undefined,
          }),
        ),
      ),
    );
  }

  @GrpcMethod('SlaService', 'DeleteCalendar')
  removeCalendar(req: { id: string }) {
    return grpcCall(async () => {
      await this.policies.removeCalendar(req.id);
      return {};
    });
  }
}
