import type { EntityManager } from '@mikro-orm/postgresql';
import { selectEntities } from '../../shared/sql';
import { CertificateSchema, type Certificate } from './certificate.entity';

/** Named queries of the certificates. Each batch method is one statement. */
export class CertificateRepository {
  constructor(private readonly em: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<Certificate[]> {
    return selectEntities(this.em, CertificateSchema, 'select * from certificate where id = any(?::uuid[])', [ids]);
  }

  /** By `<type>|<number>` keys. */
  findByTypeAndNumbers(keys: readonly string[]): Promise<Certificate[]> {
    return selectEntities(
      this.em,
      CertificateSchema,
      `select c.* from certificate c
         join unnest(?::text[], ?::text[]) as k(type_code, number) on c.type_code = k.type_code and c.number = k.number`,
      [keys.map((key) => key.slice(0, key.indexOf('|'))), keys.map((key) => key.slice(key.indexOf('|') + 1))],
    );
  }

  /** Certificates held by the given persons, newest first. */
  heldByPersons(personIds: readonly string[]): Promise<Certificate[]> {
    return selectEntities(
      this.em,
      CertificateSchema,
      'select * from certificate where holder_person_id = any(?::uuid[]) order by issued_on desc, type_code, number',
      [personIds],
    );
  }

  /** Certificates held by the given organizations, newest first. */
  heldByOrganizations(creditCodes: readonly string[]): Promise<Certificate[]> {
    return selectEntities(
      this.em,
      CertificateSchema,
      'select * from certificate where holder_credit_code = any(?::bpchar[]) order by issued_on desc, type_code, number',
      [creditCodes],
    );
  }

  /** One certificate, locked until the transaction ends (revocation and renewal take turns). */
  async lockByTypeAndNumber(type: string, number: string): Promise<Certificate | null> {
    const [found] = await selectEntities(
      this.em,
      CertificateSchema,
      'select * from certificate where type_code = ? and number = ? for update',
      [type, number],
    );
    return found ?? null;
  }

  findByVerificationCodes(codes: readonly string[]): Promise<Certificate[]> {
    return selectEntities(
      this.em,
      CertificateSchema,
      'select * from certificate where verification_code = any(?::bpchar[])',
      [codes],
    );
  }
}

/** The key findByTypeAndNumbers looks certificates up by. */
export function typeNumberKey(type: string, number: string): string {
  return `${type}|${number}`;
}

/**
 * The lookup key of a number as a caller typed it (trimmed, upper case), or null when it cannot be
 * a certificate number (empty, too long, control characters): such a number names no certificate,
 * and is never sent to the database. Rules and access-log subjects look up with this; resolvers
 * refuse the same numbers as BAD_USER_INPUT.
 */
export function lookupKey(type: string, number: string, maxLength: number): string | null {
  const clean = number.trim().toUpperCase();
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (clean.length === 0 || [...clean].length > maxLength || /[\u0000-\u001f\u007f]/.test(clean)) return null;
  return typeNumberKey(type, clean);
}
