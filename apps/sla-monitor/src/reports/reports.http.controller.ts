import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { parseReportQuery } from './report.query.js';
import { SlaReportsUseCase } from './sla-reports.usecase.js';

@Controller('v1/reports')
export class ReportsHttpController {
  constructor(private readonly reports: SlaReportsUseCase) {}

  @Get('attainment')
  attainment(@Query() query: unknown) {
    return this.reports.attainment(parseReportQuery(query));
  }

  @Get('breaches')
  breaches(@Query() query: unknown) {
    return this.reports.breaches(parseReportQuery(query));
  }

  @Get('response-times')
  responseTimes(@Query() query: unknown) {
    return this.reports.responseTimes(parseReportQuery(query));
  }

  @Post('rebuild')
  @HttpCode(200)
  rebuild() {
    return this.reports.rebuild();
  }
}
