import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { Request } from 'express';
import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/postgresql';
import { internalErrorMessage } from '../errors';
import { sendError } from '../http-errors';
import { DEPARTMENTS, type Caller } from '../identity';
import type { Logger } from '../logger';
import { refuseUnsigned } from '../server';
import { rawBindings } from '../sql';
import { accessAlertsRaised } from '../telemetry/metrics';
import { runInBackground } from '../telemetry/request-scope';
import { isInstant } from '../validation';
import type { RecordContent } from './chain';
import { Migration20261122090000_accessRecordMembers } from './members';
import { Migration20261122020000_accessLogGrant } from './migration';

/**
 * Unusual reading: an officer who reads personal data about more distinct people within an hour
 * than their department's threshold raises an alert record that auditors can query (through the
 * data tracker, merged across registries like access records). X-Road logs, but nobody watches;
 * this watches.
 *
 * Counted per registry, from that registry's own access log: every batch the appender commits
 * names the officers who were granted reads of someone's personal data; shortly after (at most one
 * check per second per process, off the request path), the registry counts for each of them the
 * distinct people (`subject_id`) of their granted reads in the last hour, and raises an alert when
 * the count is over the threshold of the officer's department, at most one per officer per hour in
 * that registry. Once an officer has an alert in the registry (raised here or by a replica), the
 * process stops counting them until that alert's hour is over: a second alert could not be raised
 * anyway, and the count reads every record of theirs in the hour, which for an officer reading
 * thousands of people would otherwise be read again every second. Counting from the database (not from memory) makes replicas of a registry agree
 * and survives restarts; counting per registry keeps each registry's log its own (no registry
 * reads another's), so an officer reading 150 people in one registry and 150 in another raises
 * nothing where the threshold is 200 in each: set thresholds per registry's kind of data.
 */

/** Distinct people per hour an officer may read in one registry before an alert, by department. */
export interface AlertThresholds {
  default: number;
  byDepartment: Partial<Record<string, number>>;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { default: 200, byDepartment: {} };

/**
 * UNUSUAL_READING_THRESHOLDS: a number for every department and `department=number` overrides,
 * comma-separated, e.g. `200,public-security=1000,civil-affairs=300`; 0 turns alerts off (for one department or all).
 */
export function parseAlertThresholds(text: string | undefined): AlertThresholds {
  const thresholds: AlertThresholds = { default: DEFAULT_ALERT_THRESHOLDS.default, byDepartment: {} };
  if (!text) return thresholds;
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [left, right] = item.includes('=') ? item.split('=', 2) : [null, item];
    const value = Number(right);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(
        `UNUSUAL_READING_THRESHOLDS: ${JSON.stringify(item)} must be a whole number of people (or department=number)`,
      );
    }
    if (left === null) thresholds.default = value;
    else if (!(DEPARTMENTS as readonly string[]).includes(left.trim())) {
      throw new Error(`UNUSUAL_READING_THRESHOLDS: ${left} is not a department; use one of ${DEPARTMENTS.join(', ')}`);
    } else thresholds.byDepartment[left.trim()] = value;
  }
  return thresholds;
}

export function thresholdOf(thresholds: AlertThresholds, department: string | null): number {
  return (department ? thresholds.byDepartment[department] : undefined) ?? thresholds.default;
}

/** How often at most a registry process counts (milliseconds). */
const CHECK_INTERVAL_MS = 1000;

/** How long an alert covers its officer in a registry: no second alert within it (milliseconds). */
const ALERT_HOUR_MS = 60 * 60 * 1000;

export interface WatchStats {
  /** Officers counted so far (one per officer per check). */
  officersCounted: number;
  /** Officers seen reading while an alert of theirs still covered them, so not counted. */
  officersSkipped: number;
  /** Counts that failed (the database did not answer); their officers are counted again later. */
  failedChecks: number;
}

/** Watches one registry's committed access records for officers reading unusually many people. */
export class UnusualReadingWatch {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastCheck = 0;
  private closed = false;
  /** Officers with an alert in this registry, and until when (epoch ms) it covers them. */
  private readonly alertedUntil = new Map<string, number>();
  readonly stats: WatchStats = { officersCounted: 0, officersSkipped: 0, failedChecks: 0 };

  constructor(
    private readonly knex: Knex,
    private readonly registry: string,
    private readonly thresholds: AlertThresholds,
    private readonly log: Logger,
  ) {}

  /** Told the records of each committed batch; schedules a count for the officers granted personal reads. */
  observe(records: readonly RecordContent[]): void {
    if (this.closed) return;
    const now = Date.now();
    for (const record of records) {
      if (record.action !== 'read' || record.outcome !== 'granted' || record.actorRole !== 'officer') continue;
      if (record.subjectId === null || record.actorSub === null) continue;
      if (thresholdOf(this.thresholds, record.actorDept) === 0) continue;
      if (this.alerted(record.actorSub, now)) {
        this.stats.officersSkipped += 1;
        continue;
      }
      this.dirty.add(record.actorSub);
    }
    if (this.dirty.size > 0) this.schedule();
  }

  /**
   * Resolves once the officers seen so far have been counted (tests; close), or once a count has
   * failed: the officers it could not count stay pending for the next reads' check.
   */
  async settled(): Promise<void> {
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (!this.timer) return;
      clearTimeout(this.timer);
      this.timer = null;
      const failed = this.stats.failedChecks;
      await this.startCheck();
      if (this.stats.failedChecks > failed) return;
    }
  }

  /** Counts what is pending, then stops: nothing is counted after it. */
  async close(): Promise<void> {
    await this.settled();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Whether an alert of this officer still covers them (forgetting alerts whose hour is over). */
  private alerted(actorSub: string, now: number): boolean {
    const until = this.alertedUntil.get(actorSub);
    if (until === undefined) return false;
    if (until > now) return true;
    this.alertedUntil.delete(actorSub);
    return false;
  }

  private schedule(): void {
    if (this.timer || this.running) return;
    const wait = Math.max(0, this.lastCheck + CHECK_INTERVAL_MS - Date.now());
    // The count is the registry's work, not part of the request whose batch triggered it.
    this.timer = runInBackground(() =>
      setTimeout(() => {
        this.timer = null;
        void this.startCheck();
      }, wait),
    );
    this.timer.unref();
  }

  /** Runs one count as `running`, and schedules the next when officers are still pending after it. */
  private startCheck(): Promise<void> {
    const run = runInBackground(() => this.check()).finally(() => {
      // Always after the assignment below, even had check() finished synchronously.
      this.running = null;
      if (this.dirty.size > 0 && !this.closed) this.schedule();
    });
    this.running = run;
    return run;
  }

  private async check(): Promise<void> {
    const officers = [...this.dirty];
    this.dirty.clear();
    this.lastCheck = Date.now();
    this.stats.officersCounted += officers.length;
    try {
      const counts = await this.knex.raw<{
        rows: { actor_sub: string; actor_dept: string | null; people: number; first_at: Date; last_at: Date }[];
      }>(
        `select actor_sub, actor_dept, count(distinct subject_id)::int as people, min(at) as first_at, max(at) as last_at
           from access_record
          where actor_sub = any(?) and action = 'read' and outcome = 'granted' and actor_role = 'officer'
            and subject_id is not null and at > now() - interval '1 hour'
          group by actor_sub, actor_dept`,
        rawBindings([officers]),
      );
      for (const row of counts.rows) {
        const threshold = thresholdOf(this.thresholds, row.actor_dept);
        if (threshold === 0 || row.people <= threshold) continue;
        await this.raise(row.actor_sub, row.actor_dept, row.people, threshold, row.first_at, row.last_at);
      }
    } catch (error) {
      this.log.error(
        { err: error as Error },
        'unusual-reading watch: counting failed; it will count again on the next reads',
      );
      this.stats.failedChecks += 1;
      for (const officer of officers) this.dirty.add(officer);
    }
  }

  private async raise(
    actorSub: string,
    actorDept: string | null,
    people: number,
    threshold: number,
    windowStart: Date,
    windowEnd: Date,
  ): Promise<void> {
    const { raised, covering } = await this.knex.transaction(async (trx) => {
      // Replicas of a registry take turns per officer, so an hour never holds two alerts for one.
      await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`access_alert:${actorSub}`]);
      // The new alert, or else the one of the last hour that already covers the officer.
      const result = await trx.raw<{ rows: { raised: boolean; raised_ms: number }[] }>(
        `with earlier as (
           select max(raised_at) as raised_at from access_alert where actor_sub = ? and raised_at > now() - interval '1 hour'
         ), inserted as (
           insert into access_alert (id, raised_at, registry, actor_sub, actor_dept, people, threshold, window_start, window_end)
           select ?, now(), ?, ?, ?, ?, ?, ?, ? where (select raised_at from earlier) is null
           returning raised_at
         )
         select exists (select 1 from inserted) as raised,
                (extract(epoch from coalesce((select raised_at from inserted), (select raised_at from earlier))) * 1000)::float8
                  as raised_ms`,
        rawBindings([
          actorSub,
          randomUUID(),
          this.registry,
          actorSub,
          actorDept,
          people,
          threshold,
          windowStart,
          windowEnd,
        ]),
      );
      return { raised: result.rows[0].raised, covering: result.rows[0].raised_ms };
    });
    this.alertedUntil.set(actorSub, covering + ALERT_HOUR_MS);
    if (!raised) return;
    accessAlertsRaised.inc({ registry: this.registry, department: actorDept ?? 'none' });
    this.log.warn(
      { actorSub, actorDept, people, threshold },
      `unusual reading: ${actorSub} read the personal data of ${people} distinct people in the last hour ` +
        `(threshold for ${actorDept ?? 'their department'}: ${threshold}); alert recorded for auditors`,
    );
  }
}

/** One alert as the registries return it to the data tracker. */
export interface StoredAccessAlert {
  id: string;
  raisedAt: string;
  registry: string;
  actorSub: string;
  actorDept: string | null;
  people: number;
  threshold: number;
  windowStart: string;
  windowEnd: string;
}

export interface AlertCursor {
  raisedAt: string;
  registry: string;
  id: string;
}

export interface AlertQuery {
  actorSub?: string;
  actorDept?: string;
  from?: string;
  to?: string;
  after?: AlertCursor;
  limit: number;
}

/** A registry's alerts, newest first (then registry, then id descending: the merged order). */
export async function readAccessAlerts(knex: Knex, registry: string, query: AlertQuery): Promise<StoredAccessAlert[]> {
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    bindings.push(...values);
  };
  if (query.actorSub) where('actor_sub = ?', query.actorSub);
  if (query.actorDept) where('actor_dept = ?', query.actorDept);
  if (query.from) where('raised_at >= ?::timestamptz', query.from);
  if (query.to) where('raised_at < ?::timestamptz', query.to);
  const { after } = query;
  if (after) {
    if (registry === after.registry) where('(raised_at, id) < (?::timestamptz, ?::uuid)', after.raisedAt, after.id);
    else if (registry > after.registry) where('raised_at <= ?::timestamptz', after.raisedAt);
    else where('raised_at < ?::timestamptz', after.raisedAt);
  }
  const clause = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const result = await knex.raw<{ rows: StoredAccessAlert[] }>(
    `select id, ${iso('raised_at')} as "raisedAt", registry, actor_sub as "actorSub", actor_dept as "actorDept",
            people, threshold, ${iso('window_start')} as "windowStart", ${iso('window_end')} as "windowEnd"
       from access_alert ${clause} order by raised_at desc, id desc limit ?`,
    rawBindings([...bindings, query.limit]),
  );
  return result.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /access-alerts: this registry's unusual-reading alerts, newest first, for the data tracker
 * (auditors only; same gateway signature as /access-records). Query parameters: actor, dept, from,
 * to, limit, and the cursor afterAt, afterRegistry, afterId.
 */
export function mountAccessAlertsRoute(
  app: express.Express,
  authenticate: (req: Request) => Promise<Caller>,
  { knex, registry, log }: { knex: Knex; registry: string; log: Logger },
): void {
  app.get('/access-alerts', async (req, res) => {
    let caller: Caller;
    try {
      caller = await authenticate(req);
    } catch (error) {
      refuseUnsigned(res, error, log, registry, req);
      return;
    }
    if (caller.identity?.role !== 'auditor') {
      sendError(res, 403, 'FORBIDDEN', 'only auditors may read unusual-reading alerts');
      return;
    }
    const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
    const query: AlertQuery = {
      actorSub: text(req.query.actor),
      actorDept: text(req.query.dept),
      from: text(req.query.from),
      to: text(req.query.to),
      limit: Number(req.query.limit ?? 20),
    };
    const [afterAt, afterRegistry, afterId] = [
      text(req.query.afterAt),
      text(req.query.afterRegistry),
      text(req.query.afterId),
    ];
    const problems = [
      [...(query.actorSub ?? '')].length > 100 && 'actor must be at most 100 characters',
      [...(query.actorDept ?? '')].length > 40 && 'dept must be at most 40 characters',
      query.from !== undefined && !isInstant(query.from) && 'from must be an ISO 8601 instant',
      query.to !== undefined && !isInstant(query.to) && 'to must be an ISO 8601 instant',
      (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > 101) && 'limit must be from 1 to 101',
      (afterAt || afterRegistry || afterId) &&
        !(
          afterAt &&
          isInstant(afterAt) &&
          afterRegistry &&
          afterRegistry.length <= 40 &&
          afterId &&
          UUID.test(afterId)
        ) &&
        'afterAt, afterRegistry and afterId must be given together and be valid',
    ].filter(Boolean);
    if (problems.length > 0) {
      sendError(res, 400, 'BAD_USER_INPUT', String(problems[0]));
      return;
    }
    if (afterAt && afterRegistry && afterId) query.after = { raisedAt: afterAt, registry: afterRegistry, id: afterId };
    try {
      res.json({ alerts: await readAccessAlerts(knex, registry, query) });
    } catch (error) {
      log.error({ requestId: caller.requestId, err: error as Error }, 'reading the access alerts failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', internalErrorMessage(caller.requestId), {
        requestId: caller.requestId,
      });
    }
  });
}

/** The alert table, append-only like the log itself. Frozen once committed migrations run it. */
export const ACCESS_ALERT_SQL = [
  `create table "access_alert" ("id" uuid not null, "raised_at" timestamptz not null,
     "registry" varchar(40) not null, "actor_sub" varchar(100) not null, "actor_dept" varchar(40) null,
     "people" int not null, "threshold" int not null, "window_start" timestamptz not null,
     "window_end" timestamptz not null, constraint "access_alert_pkey" primary key ("id"))`,
  `comment on table "access_alert" is 'Officers who read unusually many distinct people in an hour (alerts.ts)'`,
  `create index "access_alert_raised_idx" on "access_alert" ("raised_at" desc, "id" desc)`,
  `create index "access_alert_actor_idx" on "access_alert" ("actor_sub", "raised_at" desc)`,
  `create trigger access_alert_append_only before update or delete on "access_alert"
     for each row execute function access_log_append_only()`,
];

/**
 * The alert table as a migration every registry runs after its own (openRegistryOrm appends the
 * shared migrations to each registry's list), so a new registry has alerts with no code of its own.
 */
export class Migration20261122000000_accessAlerts extends Migration {
  override async up(): Promise<void> {
    for (const sql of ACCESS_ALERT_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "access_alert" cascade');
  }
}

export const SHARED_MIGRATIONS = [
  { name: 'Migration20261122000000_accessAlerts', class: Migration20261122000000_accessAlerts },
  { name: 'Migration20261122020000_accessLogGrant', class: Migration20261122020000_accessLogGrant },
  { name: 'Migration20261122090000_accessRecordMembers', class: Migration20261122090000_accessRecordMembers },
];
