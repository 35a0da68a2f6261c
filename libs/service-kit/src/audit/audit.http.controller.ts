import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { RequiresScope, SkipAudit } from '../auth/scopes.js';
import { parseInput } from '../errors/validate.js';
import { ApiRoute } from '../openapi/api-route.js';
import { type AuditEntry, AuditLog } from './audit-log.js';

export const auditQuerySchema = z.object({
  keyId: z.string().min(1).optional(),
  route: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  resourceId: z.string().min(1).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The audit log of this service's admin actions; every service serves its own. */
@Controller('v1/audit')
export class AuditHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @RequiresScope('admin')
  @SkipAudit()
  @ApiRoute({
    summary: 'Admin actions on this service, newest first',
    query: auditQuerySchema,
    responses: { 200: 'audit entries' },
  })
  async list(@Query() query: unknown): Promise<{ entries: AuditEntry[] }> {
    return { entries: await this.audit.find(parseInput(auditQuerySchema, query)) };
  }
}
