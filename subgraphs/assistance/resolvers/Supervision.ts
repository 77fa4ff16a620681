import { todayInChina } from '../../shared/calendar';
import type { AssistanceContext } from '../context';
import type { Application } from '../entities/application.entity';
import { ApplicationRepository } from '../entities/application.repository';
import { CASE_DEPARTMENT, colourOf, raiseCards, type Colour } from '../supervision';

interface ColourCount {
  key: string;
  green: number;
  yellow: number;
  red: number;
}

function countBy(
  cases: { application: Application; colour: Colour }[],
  keyOf: (a: Application) => string,
): ColourCount[] {
  const groups = new Map<string, ColourCount>();
  for (const { application, colour } of cases) {
    const key = keyOf(application);
    const group = groups.get(key) ?? { key, green: 0, yellow: 0, red: 0 };
    group[colour.toLowerCase() as 'green' | 'yellow' | 'red'] += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Today's colours of every open case matching the filter, counted three ways, with the flagged cases. */
export async function supervisionBoard(
  ctx: AssistanceContext,
  filter: { department: string | null; districtCode: string | null; programme: string | null },
) {
  const today = todayInChina();
  // Cards first, so a case the board shows yellow or red has its card.
  await raiseCards(ctx.em.getKnex(), ctx.calendar, ctx.yellowDays, today);
  const open =
    filter.department !== null && filter.department !== CASE_DEPARTMENT
      ? []
      : await new ApplicationRepository(ctx.em).open({
          programme: filter.programme,
          districtCode: filter.districtCode,
        });
  // A case returned for materials has no colour while its clock is stopped: counted as paused.
  const cases = open.flatMap((application) => {
    const colour = colourOf(application, ctx.calendar, ctx.yellowDays, today);
    return colour ? [{ application, colour }] : [];
  });
  const total = (colour: Colour) => cases.filter((c) => c.colour === colour).length;
  return {
    asOf: today,
    yellowThresholdDays: ctx.yellowDays,
    green: total('GREEN'),
    yellow: total('YELLOW'),
    red: total('RED'),
    paused: open.length - cases.length,
    byDepartment: countBy(cases, () => CASE_DEPARTMENT),
    byDistrict: countBy(cases, (a) => a.districtCode),
    byProgramme: countBy(cases, (a) => a.programme as string),
    flagged: cases
      .filter((c) => c.colour !== 'GREEN')
      .sort((a, b) => a.application.deadline.localeCompare(b.application.deadline))
      .slice(0, 100)
      .map((c) => c.application),
  };
}

interface OnTimeCount {
  key: string;
  decided: number;
  onTime: number;
  late: number;
  rate: number | null;
}

function tally(key: string, rows: { onTime: boolean }[]): OnTimeCount {
  const onTime = rows.filter((r) => r.onTime).length;
  return {
    key,
    decided: rows.length,
    onTime,
    late: rows.length - onTime,
    rate: rows.length === 0 ? null : Math.round((onTime / rows.length) * 10_000) / 10_000,
  };
}

function tallyBy<R extends { onTime: boolean }>(rows: R[], keyOf: (r: R) => string): OnTimeCount[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => tally(key, group));
}

/** On-time completion over decisions made between two days (China Standard Time), with the counts behind each rate. */
export async function onTimeReport(ctx: AssistanceContext, from: string, to: string) {
  const rows = await new ApplicationRepository(ctx.em).decidedBetween(from, to);
  return {
    from,
    to,
    overall: tally('all', rows),
    byProgramme: tallyBy(rows, (r) => r.programme),
    byDepartment: tallyBy(rows, (r) => r.department),
    byDistrict: tallyBy(rows, (r) => r.districtCode),
  };
}
