import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { grpcCall } from '@switchboard/service-kit';
import { parseReportQuery } from './report.query.js';
import { SlaReportsUseCase } from './sla-reports.usecase.js';

interface ReportRequest {
  from: string;
  to: string;
  period: string;
  tier: string;
}

const iso = (d: Date) => new Date(d).toISOString();

@Controller()
export class ReportsGrpcController {
  constructor(private readonly reports: SlaReportsUseCase) {}

  @GrpcMethod('SlaService', 'GetAttainment')
  attainment(req: ReportRequest) {
    return grpcCall(async () => ({
      rows: (await this.reports.attainment(parseReportQuery(req))).map((r) => ({ ...r, policyId: r.policyId ?? '' })),
    }));
  }

  @GrpcMethod('SlaService', 'ListBreaches')
  breaches(req: ReportRequest) {
    return grpcCall(async () => ({
      breaches: (await this.reports.breaches(parseReportQuery(req))).map(
        (b: { policyId: string | null; startedAt: Date; breachedAt: Date }) => ({
          ...b,
          policyId: b.policyId ?? '',
          startedAt: iso(b.startedAt),
          breachedAt: iso(b.breachedAt),
        }),
      ),
    }));
  }

  @GrpcMethod('SlaService', 'GetResponseTimes')
  responseTimes(req: ReportRequest) {
    return grpcCall(async () => ({
      tiers: (await this.reports.responseTimes(parseReportQuery(req))).map((t: Record<string, number | string | null>) =>
        Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v ?? 0])),
      ),
    }));
  }

  @GrpcMethod('SlaService', 'RebuildReports')
  rebuild() {
    return grpcCall(() => this.reports.rebuild());
  }
}
