import { Inject, Injectable } from '@nestjs/common';
import type { SlaClockKind, Tier } from '@switchboard/contracts';
import { PerTransaction, SERVICE_CONFIG } from '@switchboard/service-kit';
import type { EntityManager } from 'typeorm';
import { BusinessCalendar, type CalendarSpec } from '../calendars/business-calendar.js';
import type { SlaConfig } from '../config.js';
import type { CreateCalendar, CreatePolicy } from './policy.commands.js';

export interface Policy {
  id: string;
  tier: Tier;
  serviceLevel: string;
  firstResponseSeconds: number;
  nextResponseSeconds: number;
  resolutionSeconds: number | null;
  calendarId: string;
  version: number;
  updatedAt: Date;
}

export interface Calendar extends CalendarSpec {
  id: string;
  name: string;
  updatedAt: Date;
}

/** What a clock of one kind gets: its target in (scaled) business milliseconds and the calendar it counts on. */
export interface ClockTerms {
  policyId: string | null;
  calendarId: string;
  targetMs: number;
}

const POLICY = `id, tier, service_level AS "serviceLevel", first_response_seconds AS "firstResponseSeconds",
  next_response_seconds AS "nextResponseSeconds", resolution_seconds AS "resolutionSeconds", calendar_id AS "calendarId",
  version, updated_at AS "updatedAt"`;
const CALENDAR = `id, name, time_zone AS "timeZone", mode, weekly, holidays, updated_at AS "updatedAt"`;
/** Used when a policy row was deleted: the SOP table, around the clock. */
const SOP_SECONDS: Record<Tier, [number, number | null]> = {
  L1: [3600, 4 * 3600],
  L2: [2 * 3600, 8 * 3600],
  L3: [4 * 3600, 24 * 3600],
  L4: [3600, null],
};

@Injectable()
export class PolicyRepository {
  private readonly s: string;
  /**
   * Calendars already read by a transaction: a routed ticket reads the same calendar for every
   * clock it starts and every risk check. Only transactions keep them (they end, and take their
   * entry with them); a calendar write in the transaction forgets them.
   */
  private readonly calendarsInTx = new PerTransaction(() => new Map<string, Promise<BusinessCalendar>>());

  constructor(@Inject(SERVICE_CONFIG) private readonly config: SlaConfig) {
    this.s = config.database.schema;
  }

  listPolicies(manager: EntityManager): Promise<Policy[]> {
    return manager.query(`SELECT ${POLICY} FROM "${this.s}".sla_policies ORDER BY tier, service_level`);
  }

  async policy(manager: EntityManager, id: string, lock = false): Promise<Policy | null> {
    const [row] = await manager.query(
      `SELECT ${POLICY} FROM "${this.s}".sla_policies WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async insertPolicy(manager: EntityManager, p: CreatePolicy): Promise<Policy> {
    const [row] = await manager.query(
      `INSERT INTO "${this.s}".sla_policies (tier, service_level, first_response_seconds, next_response_seconds, resolution_seconds, calendar_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (tier, service_level) DO NOTHING RETURNING ${POLICY}`,
      [p.tier, p.serviceLevel, p.firstResponseSeconds, p.nextResponseSeconds, p.resolutionSeconds, p.calendarId],
    );
    return row ?? null;
  }

  async updatePolicy(manager: EntityManager, p: Policy): Promise<Policy> {
    const [row] = await manager.query(
      `UPDATE "${this.s}".sla_policies SET first_response_seconds = $2, next_response_seconds = $3, resolution_seconds = $4,
              calendar_id = $5, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${POLICY}`,
      [p.id, p.firstResponseSeconds, p.nextResponseSeconds, p.resolutionSeconds, p.calendarId],
    );
    return row;
  }

  async deletePolicy(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query(`DELETE FROM "${this.s}".sla_policies WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  listCalendars(manager: EntityManager): Promise<Calendar[]> {
    return manager.query(`SELECT ${CALENDAR} FROM "${this.s}".calendars ORDER BY id`);
  }

  async calendar(manager: EntityManager, id: string, lock = false): Promise<Calendar | null> {
    const [row] = await manager.query(`SELECT ${CALENDAR} FROM "${this.s}".calendars WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
    ]);
    return row ?? null;
  }

  async insertCalendar(manager: EntityManager, c: CreateCalendar): Promise<Calendar | null> {
    this.calendarsInTx.forget(manager);
    const [row] = await manager.query(
      `INSERT INTO "${this.s}".calendars (id, name, time_zone, mode, weekly, holidays) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING ${CALENDAR}`,
      [c.id, c.name, c.timeZone, c.mode, JSON.stringify(c.weekly), JSON.stringify(c.holidays)],
    );
    return row ?? null;
  }

  async updateCalendar(manager: EntityManager, c: Calendar): Promise<Calendar> {
    this.calendarsInTx.forget(manager);
    const [row] = await manager.query(
      `UPDATE "${this.s}".calendars SET name = $2, time_zone = $3, mode = $4, weekly = $5, holidays = $6, updated_at = now()
        WHERE id = $1 RETURNING ${CALENDAR}`,
      [c.id, c.name, c.timeZone, c.mode, JSON.stringify(c.weekly), JSON.stringify(c.holidays)],
    );
    return row;
  }

  async deleteCalendar(manager: EntityManager, id: string): Promise<'deleted' | 'missing' | 'in_use'> {
    this.calendarsInTx.forget(manager);
    const [use] = await manager.query(`SELECT 1 FROM "${this.s}".sla_policies WHERE calendar_id = $1 LIMIT 1`, [id]);
    if (use) return 'in_use';
    const rows = await manager.query(`DELETE FROM "${this.s}".calendars WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0 ? 'deleted' : 'missing';
  }

  businessCalendar(manager: EntityManager, id: string): Promise<BusinessCalendar> {
    const read = () => this.calendar(manager, id).then((row) => (row ? new BusinessCalendar(row) : BusinessCalendar.always()));
    const known = this.calendarsInTx.of(manager);
    if (!known) return read();
    const calendar = known.get(id) ?? read();
    known.set(id, calendar);
    return calendar;
  }

  async allBusinessCalendars(manager: EntityManager): Promise<Map<string, BusinessCalendar>> {
    return new Map((await this.listCalendars(manager)).map((c) => [c.id, new BusinessCalendar(c)]));
  }

  /** The policy for a tier and service level, falling back to the tier's standard policy, then the SOP table. */
  async termsFor(manager: EntityManager, tier: Tier, serviceLevel: string | null, kind: SlaClockKind): Promise<ClockTerms> {
    const rows: Policy[] = await manager.query(
      `SELECT ${POLICY} FROM "${this.s}".sla_policies WHERE tier = $1 AND service_level = ANY($2)
        ORDER BY (service_level = $3) DESC LIMIT 1`,
      [tier, [serviceLevel ?? 'standard', 'standard'], serviceLevel ?? 'standard'],
    );
    const p = rows[0];
    const [sopResponse, sopResolution] = SOP_SECONDS[tier];
    const seconds = p
      ? { first_response: p.firstResponseSeconds, next_response: p.nextResponseSeconds, resolution: p.resolutionSeconds }[kind]
      : { first_response: sopResponse, next_response: sopResponse, resolution: sopResolution }[kind];
    const targetSeconds = seconds ?? this.config.l4ResolutionHours * 3600;
    return {
      policyId: p?.id ?? null,
      calendarId: p?.calendarId ?? '24x7',
      targetMs: targetSeconds * 1000 * this.config.timeScale,
    };
  }
}
