import type { Knex } from '@mikro-orm/postgresql';
import type { WorkingCalendar } from '../shared/calendar';
import { todayInChina } from '../shared/calendar';
import { FINAL_STATUSES, type ApplicationStatus } from './programmes';

export type Colour = 'GREEN' | 'YELLOW' | 'RED';

/** A supervision card's id as the API shows it (a positive integer that fits a JavaScript number). */
export function isCardId(id: string): boolean {
  return /^[1-9][0-9]{0,14}$/.test(id);
}

/** The department every assistance case belongs to (the registry's owner). */
export const CASE_DEPARTMENT = 'civil-affairs';

/**
 * An open case's colour on `today`: RED past its deadline, YELLOW within `yellowDays` working days
 * of it (the deadline day included), GREEN otherwise; null once decided or withdrawn, and while it
 * is returned for materials (its clock is stopped: the applicant, not the office, is awaited).
 */
export function colourOf(
  application: { status: string; deadline: string },
  calendar: WorkingCalendar,
  yellowDays: number,
  today: string = todayInChina(),
): Colour | null {
  if (FINAL_STATUSES.includes(application.status as ApplicationStatus)) return null;
  if (application.status === 'RETURNED_FOR_MATERIALS') return null;
  if (today > application.deadline) return 'RED';
  return calendar.workingDaysBetween(today, application.deadline) <= yellowDays ? 'YELLOW' : 'GREEN';
}

/**
 * The deadline of a case resubmitted on `today` after it was returned for materials on `pausedOn`:
 * moved on by the working days it waited (after `pausedOn` up to and including `today`), so the
 * office keeps the working days it had left when it sent the case back.
 */
export function resumedDeadline(calendar: WorkingCalendar, deadline: string, pausedOn: string, today: string): string {
  return calendar.addWorkingDays(deadline, Math.max(0, calendar.workingDaysBetween(pausedOn, today)));
}

/**
 * Raises a card to the department for every open case that has turned yellow or red and has no
 * card of that colour for its current deadline yet; the card stays with the case. A case whose
 * deadline moved (a pause for materials) and turns yellow again gets a new card. Concurrent sweeps
 * (several replicas, the board) insert each card once: the unique (case, colour, deadline) decides.
 * Returns how many were raised.
 */
export async function raiseCards(
  knex: Knex,
  calendar: WorkingCalendar,
  yellowDays: number,
  today = todayInChina(),
): Promise<number> {
  const { rows } = await knex.raw<{ rows: { id: string; status: string; deadline: string }[] }>(
    `select id, status, to_char(deadline, 'YYYY-MM-DD') as deadline from application
      where status not in ('APPROVED', 'REJECTED', 'WITHDRAWN', 'RETURNED_FOR_MATERIALS')`,
  );
  const cards = rows.flatMap((row) => {
    const colour = colourOf(row, calendar, yellowDays, today);
    return colour === 'YELLOW' || colour === 'RED' ? [{ id: row.id, colour, deadline: row.deadline }] : [];
  });
  if (cards.length === 0) return 0;
  const { rowCount } = await knex.raw<{ rowCount: number }>(
    `insert into supervision_card (application_id, colour, raised_on, deadline, department, created_at)
     select c.id, c.colour, ?::date, c.deadline, ?, now()
       from unnest(?::uuid[], ?::text[], ?::date[]) as c(id, colour, deadline)
     on conflict (application_id, colour, deadline) do nothing`,
    [
      today,
      CASE_DEPARTMENT,
      cards.map((c) => c.id) as unknown as Knex.RawBinding,
      cards.map((c) => c.colour) as unknown as Knex.RawBinding,
      cards.map((c) => c.deadline) as unknown as Knex.RawBinding,
    ],
  );
  return rowCount;
}

/** Runs raiseCards now and then (SUPERVISION_SWEEP_MS, default one minute). */
export class CardSweeper {
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    const tick = () => {
      this.run()
        .catch(this.onError)
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.everyMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
