import { REGISTRY_NAMES, type RegistryName } from '../../catalog';
import type { AlertCursor, StoredAccessAlert } from '../../shared/access-log/alerts';
import { badUserInput } from '../../shared/errors';
import { DEPARTMENTS } from '../../shared/identity';
import * as check from '../../shared/validation';
import type { DataTrackerContext } from '../context';
import type { AccessAlertFilter } from '../generated/graphql';

export interface AccessAlertPage {
  edges: { cursor: string; node: StoredAccessAlert }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** One page of every registry's unusual-reading alerts, merged newest first. */
export async function accessAlertPage(
  ctx: DataTrackerContext,
  args: { filter?: AccessAlertFilter | null; first?: number | null; after?: string | null },
): Promise<AccessAlertPage> {
  const size = check.pageSize('first', args.first);
  const after = args.after ? decodeAlertCursor(args.after) : undefined;
  const filter = args.filter ?? {};
  let registry: RegistryName | undefined;
  if (filter.registry != null) {
    if (!(REGISTRY_NAMES as readonly string[]).includes(filter.registry)) {
      throw badUserInput(
        'filter.registry',
        'registry',
        `filter.registry ${JSON.stringify(filter.registry)} is not a registry; use one of ${REGISTRY_NAMES.join(', ')}`,
      );
    }
    registry = filter.registry as RegistryName;
  }
  if (filter.actorDepartment != null && !(DEPARTMENTS as readonly string[]).includes(filter.actorDepartment)) {
    throw badUserInput(
      'filter.actorDepartment',
      'department',
      `filter.actorDepartment ${JSON.stringify(filter.actorDepartment)} is not a department; use one of ${DEPARTMENTS.join(', ')}`,
    );
  }
  for (const bound of ['from', 'to'] as const) {
    const value = filter[bound];
    if (value == null) continue;
    // PostgreSQL's timestamptz holds years 1 to 9999 (the scalar already checked the format).
    const year = new Date(value).getUTCFullYear();
    if (year < 1 || year > 9999) {
      throw badUserInput(`filter.${bound}`, 'range', `filter.${bound} must be between the years 1 and 9999`);
    }
  }
  if (filter.from != null && filter.to != null && filter.from >= filter.to) {
    throw badUserInput('filter.to', 'range', `filter.to ${filter.to} must be after filter.from ${filter.from}`);
  }
  const alerts = await ctx.accessLogs.readAlerts(ctx.caller, {
    registry,
    actorSub: filter.actorSub != null ? check.text('filter.actorSub', filter.actorSub, { max: 100 }) : undefined,
    actorDept: filter.actorDepartment ?? undefined,
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
    after,
    limit: size + 1,
  });
  const page = alerts.slice(0, size);
  const last = page.at(-1);
  return {
    edges: page.map((node) => ({ cursor: encodeAlertCursor(node), node })),
    pageInfo: { hasNextPage: alerts.length > size, endCursor: last ? encodeAlertCursor(last) : null },
  };
}

const ALERT_CURSOR = [
  check.cursorField.instant,
  check.cursorField.oneOf(REGISTRY_NAMES),
  check.cursorField.uuid,
] as const;

function encodeAlertCursor(alert: StoredAccessAlert): string {
  return check.encodeCursor(ALERT_CURSOR, [alert.raisedAt, alert.registry as RegistryName, alert.id]);
}

function decodeAlertCursor(cursor: string): AlertCursor {
  const [raisedAt, registry, id] = check.decodeCursor('after', cursor, ALERT_CURSOR);
  return { raisedAt, registry, id };
}
