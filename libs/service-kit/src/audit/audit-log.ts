import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config.js';
import type { CallDescription } from './describe-call.js';

export interface AuditEntryInput extends CallDescription {
  keyId: string;
  status: number;
}

export interface AuditEntry extends AuditEntryInput {
  id: string;
  at: string;
  service: string;
}

export interface AuditQuery {
  keyId?: string;
  route?: string;
  method?: string;
  resourceId?: string;
  status?: number;
  since?: string;
  until?: string;
  limit: number;
}

/** Admin actions in the service's own schema, written before the caller gets its answer. */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger('AuditLog');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async record(entry: AuditEntryInput): Promise<void> {
    try {
      await this.dataSource.query(
        `INSERT INTO "${this.config.database.schema}".audit_log (key_id, method, route, resource_id, status, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [entry.keyId, entry.method, entry.route, entry.resourceId, entry.status, entry.correlationId],
      );
    } catch (error) {
      // The action itself already happened; losing its audit line must be loud, not fatal to the caller.
      this.logger.error(`audit entry not written for ${entry.method} ${entry.route}: ${(error as Error).message}`);
    }
  }

  async find(query: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.keyId) add('key_id = ?', query.keyId);
    if (query.route) add('route = ?', query.route);
    if (query.method) add('method = ?', query.method.toUpperCase());
    if (query.resourceId) add('resource_id = ?', query.resourceId);
    if (query.status) add('status = ?', query.status);
    if (query.since) add('at >= ?', query.since);
    if (query.until) add('at < ?', query.until);
    params.push(query.limit);
    const rows = (await this.dataSource.query(
      `SELECT id, at, key_id, method, route, resource_id, status, correlation_id
         FROM "${this.config.database.schema}".audit_log
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: String(r.id),
      at: (r.at as Date).toISOString(),
      service: this.config.service,
      keyId: r.key_id as string,
      method: r.method as string,
      route: r.route as string,
      resourceId: (r.resource_id as string | null) ?? null,
      status: Number(r.status),
      correlationId: (r.correlation_id as string | null) ?? null,
    }));
  }
}
