import type { AccessRecordFilter, QueryResolvers } from '../generated/graphql';
import { REGISTRY_NAMES, type RegistryName } from '../../catalog';
import type { AccessAction, AccessOutcome } from '../../shared/access-log/chain';
import { badUserInput } from '../../shared/errors';
import { DEPARTMENTS } from '../../shared/identity';
import * as check from '../../shared/validation';
import type { AccessRecordsQuery } from '../registry-client';
import { accessAlertPage } from './alerts';
import { accessRecordPage } from './page';

export const Query: QueryResolvers = {
  accessRecords: (_parent, { filter, first, after }, ctx) =>
    accessRecordPage(ctx, { ...checkFilter(filter ?? {}), first, after }),
  accessAlerts: (_parent, args, ctx) => accessAlertPage(ctx, args),
};

/** Every filter checked and turned into what the registries' logs are asked for. */
function checkFilter(filter: AccessRecordFilter): Omit<AccessRecordsQuery, 'after' | 'limit'> {
  const query: Omit<AccessRecordsQuery, 'after' | 'limit'> = {};
  if (filter.personId != null) query.subjectId = check.uuid('filter.personId', filter.personId);
  if (filter.actorSub != null) query.actorSub = check.text('filter.actorSub', filter.actorSub, { max: 100 });
  if (filter.actorDepartment != null) {
    if (!(DEPARTMENTS as readonly string[]).includes(filter.actorDepartment)) {
      throw badUserInput(
        'filter.actorDepartment',
        'department',
        `filter.actorDepartment ${JSON.stringify(filter.actorDepartment)} is not a department; use one of ${DEPARTMENTS.join(', ')}`,
      );
    }
    query.actorDept = filter.actorDepartment;
  }
  if (filter.registry != null) {
    if (!(REGISTRY_NAMES as readonly string[]).includes(filter.registry)) {
      throw badUserInput(
        'filter.registry',
        'registry',
        `filter.registry ${JSON.stringify(filter.registry)} is not a registry; use one of ${REGISTRY_NAMES.join(', ')}`,
      );
    }
    query.registry = filter.registry as RegistryName;
  }
  if (filter.outcome != null) query.outcome = filter.outcome.toLowerCase() as AccessOutcome;
  if (filter.action != null) query.action = filter.action.toLowerCase() as AccessAction;
  for (const bound of ['from', 'to'] as const) {
    const value = filter[bound];
    if (value == null) continue;
    // PostgreSQL's timestamptz holds years 1 to 9999 (the scalar already checked the format).
    const year = new Date(value).getUTCFullYear();
    if (year < 1 || year > 9999) {
      throw badUserInput(`filter.${bound}`, 'range', `filter.${bound} must be between the years 1 and 9999`);
    }
    query[bound] = value;
  }
  if (query.from && query.to && query.from >= query.to) {
    throw badUserInput('filter.to', 'range', `filter.to ${query.to} must be after filter.from ${query.from}`);
  }
  return query;
}
