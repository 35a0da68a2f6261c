import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiRoute } from '@switchboard/service-kit';
import { parseReportQuery, schema as reportQuerySchema } from './report.query.js';
import { SlaReportsUseCase } from './sla-reports.usecase.js';

@Controller('v1/reports')
export class ReportsHttpController {
  constructor(private readonly reports: SlaReportsUseCase) {}

  @ApiRoute({
    summary: 'SLA attainment per period (defaults to the last 30 days)',
    query: reportQuerySchema,
    responses: { 200: 'the attainment report', 422: 'invalid query' },
  })
  @Get('attainment')
  attainment(@Query() query: unknown) {
    return this.reports.attainment(parseReportQuery(query));
  }

  @ApiRoute({
    summary: 'SLA breaches per period (defaults to the last 30 days)',
    query: reportQuerySchema,
    responses: { 200: 'the breach report', 422: 'invalid query' },
  })
  @Get('breaches')
  breaches(@Query() query: unknown) {
    return this.reports.breaches(parseReportQuery(query));
  }

  @ApiRoute({
    summary: 'Response times per period (defaults to the last 30 days)',
    query: reportQuerySchema,
    responses: { 200: 'the response-time report', 422: 'invalid query' },
  })
  @Get('response-times')
  responseTimes(@Query() query: unknown) {
    return this.reports.responseTimes(parseReportQuery(query));
  }

  @ApiRoute({ summary: 'Recompute the report tables from the clock log alone', responses: { 200: 'the number of rows rebuilt' } })
  @Post('rebuild')
  @HttpCode(200)
  rebuild() {
    return this.reports.rebuild();
  }
}
