import { allow, or, rule } from 'graphql-shield';
import type { PersonRef } from '../shared/context';
import { isAuditor, isAuthenticated, isSubject, refusal } from '../shared/rules';
import type { DataTrackerContext } from './context';

/**
 * Who may see access records: the person they are about, and auditors (every record, with any
 * filters or none). The registries check the same again when the tracker reads their logs.
 */

/** A citizen filtering on their own person id and on nothing about other people. */
const isOwnFilter = rule({ cache: 'no_cache' })((
  _parent,
  args: { filter?: { personId?: string | null } | null },
  ctx: DataTrackerContext,
  info,
) => {
  const identity = ctx.caller.identity;
  if (identity?.role !== 'citizen') return false;
  return args.filter?.personId === identity.sub
    ? true
    : refusal(ctx, info, 'lets a citizen see only access to their own data');
});

// Reachable only through the guarded fields above; still listed, as nothing is open by default.
const withinPermittedList = isAuthenticated;

export const permissions = {
  Query: {
    accessRecords: or(isOwnFilter, isAuditor),
    accessAlerts: isAuditor,
  },
  Person: {
    id: allow,
    accessRecords: or(
      isSubject((person: PersonRef) => [person.id]),
      isAuditor,
    ),
  },
  AccessRecordConnection: { edges: withinPermittedList, pageInfo: withinPermittedList },
  AccessRecordEdge: { cursor: withinPermittedList, node: withinPermittedList },
  AccessAlertConnection: { edges: withinPermittedList, pageInfo: withinPermittedList },
  AccessAlertEdge: { cursor: withinPermittedList, node: withinPermittedList },
  AccessAlert: {
    id: withinPermittedList,
    raisedAt: withinPermittedList,
    registry: withinPermittedList,
    actorSub: withinPermittedList,
    actorDepartment: withinPermittedList,
    people: withinPermittedList,
    threshold: withinPermittedList,
    windowStart: withinPermittedList,
    windowEnd: withinPermittedList,
  },
  PageInfo: { hasNextPage: withinPermittedList, endCursor: withinPermittedList },
  AccessRecord: {
    id: withinPermittedList,
    at: withinPermittedList,
    registry: withinPermittedList,
    action: withinPermittedList,
    outcome: withinPermittedList,
    actorSub: withinPermittedList,
    actorRole: withinPermittedList,
    actorDepartment: withinPermittedList,
    purpose: withinPermittedList,
    personId: withinPermittedList,
    identifier: withinPermittedList,
    fields: withinPermittedList,
    operationName: withinPermittedList,
    requestId: withinPermittedList,
    via: withinPermittedList,
    grantId: withinPermittedList,
    grant: withinPermittedList,
  },
  ConsentGrant: { id: withinPermittedList },
};
