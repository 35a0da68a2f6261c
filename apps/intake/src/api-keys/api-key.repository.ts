import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@switchboard/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApiKeyScope } from '@switchboard/contracts';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  secretSha256: string;
  previousSha256: string | null;
  previousValidUntil: Date | null;
  scopes: ApiKeyScope[];
  ratePerSecond: number | null;
  ratePerMinute: number | null;
  status: 'active' | 'revoked';
  expiresAt: Date | null;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, name, prefix, secret_sha256 AS "secretSha256", previous_sha256 AS "previousSha256",
  previous_valid_until AS "previousValidUntil", scopes, rate_per_second AS "ratePerSecond",
  rate_per_minute AS "ratePerMinute", status, expires_at AS "expiresAt", created_at AS "createdAt",
  rotated_at AS "rotatedAt", revoked_at AS "revokedAt"`;

@Injectable()
export class ApiKeyRepository {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.table = `"${config.database.schema}".api_keys`;
  }

  async insert(manager: EntityManager, row: Omit<ApiKeyRow, 'createdAt' | 'rotatedAt' | 'revokedAt'>): Promise<ApiKeyRow> {
    const [created] = (await manager.query(
      `INSERT INTO ${this.table} (id, name, prefix, secret_sha256, previous_sha256, previous_valid_until, scopes,
         rate_per_second, rate_per_minute, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [
        row.id,
        row.name,
        row.prefix,
        row.secretSha256,
        row.previousSha256,
        row.previousValidUntil,
        row.scopes,
        row.ratePerSecond,
        row.ratePerMinute,
        row.status,
        row.expiresAt,
      ],
    )) as ApiKeyRow[];
    if (!created) throw new Error('INSERT … RETURNING returned no row');
    return created;
  }

  async lockById(manager: EntityManager, id: string): Promise<ApiKeyRow | null> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1 FOR UPDATE`, [id])) as ApiKeyRow[];
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<ApiKeyRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [id])) as ApiKeyRow[];
    return rows[0] ?? null;
  }

  list(): Promise<ApiKeyRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.table} ORDER BY created_at DESC, id`) as Promise<ApiKeyRow[]>;
  }

  async rotate(manager: EntityManager, id: string, secretSha256: string, prefix: string, graceUntil: Date): Promise<ApiKeyRow> {
    const [rows] = (await manager.query(
      `UPDATE ${this.table} SET previous_sha256 = secret_sha256, previous_valid_until = $2, secret_sha256 = $3,
         prefix = $4, rotated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, graceUntil, secretSha256, prefix],
    )) as [ApiKeyRow[], number];
    return firstRow(rows);
  }

  async revoke(manager: EntityManager, id: string): Promise<ApiKeyRow> {
    const [rows] = (await manager.query(
      `UPDATE ${this.table} SET status = 'revoked', revoked_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    )) as [ApiKeyRow[], number];
    return firstRow(rows);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

function firstRow(rows: ApiKeyRow[]): ApiKeyRow {
  const [row] = rows;
  if (!row) throw new Error('the locked API key row disappeared');
  return row;
}
