import type { EntityManager } from '@mikro-orm/postgresql';
import type { HeldGrant } from '../../shared/consent/grants';
import { rawQuery, selectEntities } from '../../shared/sql';
import { ConsentGrantSchema, ConsentRequestSchema, type ConsentGrant, type ConsentRequest } from './consent.entity';

/** Named queries of consent requests and grants. Each method is one statement. */
export class ConsentRepository {
  constructor(private readonly em: EntityManager) {}

  requestsByIds(ids: readonly string[]): Promise<ConsentRequest[]> {
    return selectEntities(this.em, ConsentRequestSchema, 'select * from consent_request where id = any(?::uuid[])', [
      ids,
    ]);
  }

  grantsByIds(ids: readonly string[]): Promise<ConsentGrant[]> {
    return selectEntities(this.em, ConsentGrantSchema, 'select * from consent_grant where id = any(?::uuid[])', [ids]);
  }

  grantsOfRequests(requestIds: readonly string[]): Promise<ConsentGrant[]> {
    return selectEntities(
      this.em,
      ConsentGrantSchema,
      'select * from consent_grant where request_id = any(?::uuid[])',
      [requestIds],
    );
  }

  requestsOfPerson(personId: string, status: string | null): Promise<ConsentRequest[]> {
    return selectEntities(
      this.em,
      ConsentRequestSchema,
      `select * from consent_request where person_id = ? and (?::text is null or status = ?::text)
       order by created_at desc, id limit 200`,
      [personId, status, status],
    );
  }

  requestsOfDepartment(department: string): Promise<ConsentRequest[]> {
    return selectEntities(
      this.em,
      ConsentRequestSchema,
      'select * from consent_request where department = ? order by created_at desc, id limit 100',
      [department],
    );
  }

  grantsOfPerson(personId: string): Promise<ConsentGrant[]> {
    return selectEntities(
      this.em,
      ConsentGrantSchema,
      'select * from consent_grant where person_id = ? order by created_at desc, id limit 200',
      [personId],
    );
  }

  pendingRequest(personId: string, department: string, purpose: string): Promise<ConsentRequest[]> {
    return selectEntities(
      this.em,
      ConsentRequestSchema,
      `select * from consent_request where person_id = ? and department = ? and purpose = ? and status = 'PENDING'`,
      [personId, department, purpose],
    );
  }

  /** The grants `department` holds for `purpose` on these persons, valid now. */
  async heldGrants(personIds: readonly string[], department: string, purpose: string): Promise<HeldGrant[]> {
    const rows = await rawQuery<{ id: string; personId: string; fields: string[]; validUntil: Date }>(
      this.em,
      `select id, person_id as "personId", fields, valid_until as "validUntil" from consent_grant
       where person_id = any(?::uuid[]) and department = ? and purpose = ?
         and revoked_at is null and valid_until > now()`,
      [personIds, department, purpose],
    );
    return rows.map((row) => ({ ...row, validUntil: new Date(row.validUntil).toISOString() }));
  }
}
