import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';

export const CONSENT_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'DECLINED'] as const;

/**
 * A department's request for a person's consent to read named fields (consent/fields.ts) for one
 * purpose until `validUntil`. The person answers once: approves some or all fields (a grant), or declines.
 */
export const ConsentRequestSchema = defineEntity({
  name: 'ConsentRequest',
  tableName: 'consent_request',
  comment: 'A department asking a person to consent to named fields being read for one purpose',
  properties: {
    ...baseProperties(),
    personId: p.uuid(),
    department: p.string().length(40),
    /** The officer who asked (token subject). */
    requestedBy: p.string().length(100),
    purpose: p.string().length(200),
    fields: p.array(),
    validUntil: p.datetime(),
    status: p.enum([...CONSENT_REQUEST_STATUSES]),
    answeredAt: p.datetime().nullable(),
  },
  indexes: [
    {
      name: 'consent_request_person_idx',
      expression: 'create index "consent_request_person_idx" on "consent_request" ("person_id", "created_at" desc)',
    },
    {
      // One open request per person, department and purpose: a repeat answers the same request.
      name: 'consent_request_pending_unique',
      expression: `create unique index "consent_request_pending_unique" on "consent_request" ("person_id", "department", "purpose") where "status" = 'PENDING'`,
    },
  ],
});
export type ConsentRequest = InferEntity<typeof ConsentRequestSchema>;

/**
 * A person's consent: `fields` of that person, for `department` and `purpose`, until `validUntil`
 * or until revoked. The permission rules of every registry honour it (shared/consent/grants.ts).
 */
export const ConsentGrantSchema = defineEntity({
  name: 'ConsentGrant',
  tableName: 'consent_grant',
  comment: 'A person’s consent to a department reading named fields for one purpose, until expiry or revocation',
  properties: {
    ...baseProperties(),
    requestId: p.uuid().unique('consent_grant_request_unique'),
    personId: p.uuid(),
    department: p.string().length(40),
    purpose: p.string().length(200),
    fields: p.array(),
    validUntil: p.datetime(),
    revokedAt: p.datetime().nullable(),
  },
  indexes: [
    {
      name: 'consent_grant_person_idx',
      expression: 'create index "consent_grant_person_idx" on "consent_grant" ("person_id", "department", "purpose")',
    },
  ],
});
export type ConsentGrant = InferEntity<typeof ConsentGrantSchema>;
