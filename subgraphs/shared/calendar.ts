/**
 * Working days (工作日), for promised time limits and supervision: Monday to Friday, less the public
 * holidays, plus the make-up working days (调休) that fall on a weekend. The 2026 list is the State
 * Council's; WORKING_CALENDAR_HOLIDAYS and WORKING_CALENDAR_WORKDAYS (comma-separated YYYY-MM-DD)
 * replace it. Dates are calendar dates in China Standard Time.
 */

/** 国务院办公厅关于2026年部分节假日安排的通知: days off that fall on a weekday or weekend. */
export const HOLIDAYS_2026 = [
  '2026-01-01', '2026-01-02', '2026-01-03',
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  '2026-04-04', '2026-04-05', '2026-04-06',
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
  '2026-06-19', '2026-06-20', '2026-06-21',
  '2026-09-25', '2026-09-26', '2026-09-27',
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
] as const; // prettier-ignore

/** Weekend days worked in exchange (调休上班). */
export const MAKEUP_WORKDAYS_2026 = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar of working days. */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;

  constructor(holidays: readonly string[], makeupWorkdays: readonly string[] = []) {
    for (const day of [...holidays, ...makeupWorkdays]) {
      if (!DATE.test(day)) throw new Error(`working calendar: ${JSON.stringify(day)} is not a date YYYY-MM-DD`);
    }
    this.holidays = new Set(holidays);
    this.workdays = new Set(makeupWorkdays);
  }

  /** From WORKING_CALENDAR_HOLIDAYS / WORKING_CALENDAR_WORKDAYS, or the 2026 list. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): WorkingCalendar {
    const list = (value: string | undefined, fallback: readonly string[]) =>
      value === undefined
        ? fallback
        : value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    return new WorkingCalendar(
      list(env.WORKING_CALENDAR_HOLIDAYS, HOLIDAYS_2026),
      list(env.WORKING_CALENDAR_WORKDAYS, MAKEUP_WORKDAYS_2026),
    );
  }

  isWorkingDay(day: string): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The day `days` working days after `day` (the clock starts the next working day; 0: `day` itself). */
  addWorkingDays(day: string, days: number): string {
    let current = day;
    for (let counted = 0; counted < days;) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) counted += 1;
    }
    return current;
  }

  /**
   * Working days from `from` to `to`: positive when `to` is later (working days after `from` up to
   * and including `to`), negative when earlier, 0 on the same day.
   */
  workingDaysBetween(from: string, to: string): number {
    if (from === to) return 0;
    const sign = to > from ? 1 : -1;
    const [start, end] = sign > 0 ? [from, to] : [to, from];
    let count = 0;
    for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return sign * count;
  }
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today's date in China Standard Time (UTC+8), the day offices count by. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
