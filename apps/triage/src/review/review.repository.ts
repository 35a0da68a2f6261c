import { Injectable } from '@nestjs/common';
import type { InquiryTriaged } from '@switchboard/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { UncertainField } from './review-policy.js';

export type ReviewStatus = 'pending' | 'accepted' | 'corrected';

export interface ReviewRow {
  id: string;
  ticketId: string;
  status: ReviewStatus;
  holdsTriage: boolean;
  fields: UncertainField[];
  /** as classified while pending; as decided afterwards */
  labels: Record<string, string>;
  /** the `inquiry triaged` data as classified, emitted (patched) on decision when held; null when a person asked for the review */
  triaged: InquiryTriaged | null;
  /** who asked for a review of a confident triage; null when the model's confidence queued it */
  requestedBy: string | null;
  correlationId: string;
  modelVersion: string;
  reviewer: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

export interface ReviewFilter {
  status?: ReviewStatus;
  field?: string;
  holdsTriage?: boolean;
  limit: number;
}

const COLUMNS = `id, ticket_id AS "ticketId", status, holds_triage AS "holdsTriage", fields, labels, triaged,
  correlation_id AS "correlationId", model_version AS "modelVersion", reviewer, requested_by AS "requestedBy",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "reviewedAt"`;

@Injectable()
export class ReviewRepository {
  private readonly schema: string;

  constructor(private readonly dataSource: DataSource) {
    this.schema = (dataSource.options as { schema: string }).schema;
  }

  private get reviews(): string {
    return `"${this.schema}".triage_reviews`;
  }

  async insert(
    manager: EntityManager,
    row: Pick<ReviewRow, 'id' | 'ticketId' | 'holdsTriage' | 'fields' | 'labels' | 'triaged' | 'correlationId' | 'modelVersion'> &
      Partial<Pick<ReviewRow, 'requestedBy'>>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.reviews} (id, ticket_id, status, holds_triage, fields, labels, triaged, correlation_id, model_version, requested_by)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.id,
        row.ticketId,
        row.holdsTriage,
        JSON.stringify(row.fields),
        JSON.stringify(row.labels),
        row.triaged === null ? null : JSON.stringify(row.triaged),
        row.correlationId,
        row.modelVersion,
        row.requestedBy ?? null,
      ],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ReviewRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM ${this.reviews} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ])) as ReviewRow[];
    return rows[0];
  }

  async findByTicket(ticketId: string, manager: EntityManager = this.dataSource.manager): Promise<ReviewRow | undefined> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM ${this.reviews} WHERE ticket_id = $1`, [ticketId])) as ReviewRow[];
    return rows[0];
  }

  async list(filter: ReviewFilter): Promise<ReviewRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.holdsTriage !== undefined) where.push(`holds_triage = $${params.push(filter.holdsTriage)}`);
    if (filter.field) where.push(`fields @> $${params.push(JSON.stringify([{ field: filter.field }]))}::jsonb`);
    params.push(filter.limit);
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.reviews} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY holds_triage DESC, created_at, id LIMIT $${params.length}`,
      params,
    )) as ReviewRow[];
  }

  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: Exclude<ReviewStatus, 'pending'>; labels: Record<string, string>; reviewer: string },
  ): Promise<void> {
    await manager.query(`UPDATE ${this.reviews} SET status = $2, labels = $3, reviewer = $4, reviewed_at = now() WHERE id = $1`, [
      id,
      decision.status,
      JSON.stringify(decision.labels),
      decision.reviewer,
    ]);
  }

  /**
   * Per field, how many decided reviews of a model version's triages there are and in how many a
   * person changed that field's label: live accuracy, as far as people have checked it.
   */
  async reviewedAccuracy(modelVersion: string): Promise<{ field: string; reviewed: number; corrected: number }[]> {
    return (await this.dataSource.query(
      `WITH decided AS (
         SELECT id, labels FROM ${this.reviews} WHERE model_version = $1 AND status <> 'pending'
       ), changed AS (
         SELECT DISTINCT c.review_id, change->>'field' AS field
           FROM "${this.schema}".triage_corrections c CROSS JOIN jsonb_array_elements(c.changes) change
          WHERE c.review_id IN (SELECT id FROM decided)
       )
       SELECT label.key AS field, count(*)::int AS reviewed, count(changed.field)::int AS corrected
         FROM decided CROSS JOIN jsonb_each_text(decided.labels) label
         LEFT JOIN changed ON changed.review_id = decided.id AND changed.field = label.key
        GROUP BY label.key ORDER BY label.key`,
      [modelVersion],
    )) as { field: string; reviewed: number; corrected: number }[];
  }

  async recordCorrection(
    manager: EntityManager,
    row: {
      id: string;
      reviewId: string;
      ticketId: string;
      reviewer: string;
      changes: { field: string; from: string; to: string }[];
      labels: Record<string, string>;
      supersedesTriaged: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".triage_corrections (id, review_id, ticket_id, reviewer, changes, labels, supersedes_triaged)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        row.id,
        row.reviewId,
        row.ticketId,
        row.reviewer,
        JSON.stringify(row.changes),
        JSON.stringify(row.labels),
        row.supersedesTriaged,
      ],
    );
  }
}
